-- AlterTable
ALTER TABLE "SignInAttempt" ADD COLUMN     "device" TEXT,
ADD COLUMN     "trusted" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "KnownSignInAddress" (
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lastSignedInAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnownSignInAddress_pkey" PRIMARY KEY ("email","address")
);

-- CreateIndex
CREATE INDEX "KnownSignInAddress_lastSignedInAt_idx" ON "KnownSignInAddress"("lastSignedInAt");

-- CreateIndex
CREATE INDEX "SignInAttempt_createdAt_idx" ON "SignInAttempt"("createdAt");
