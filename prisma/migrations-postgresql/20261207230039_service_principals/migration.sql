-- CreateTable
CREATE TABLE "ServicePrincipal" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ServicePrincipal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServicePrincipal_clientId_key" ON "ServicePrincipal"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ServicePrincipal_userId_key" ON "ServicePrincipal"("userId");

-- AddForeignKey
ALTER TABLE "ServicePrincipal" ADD CONSTRAINT "ServicePrincipal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
