-- CreateTable
CREATE TABLE "SimulatedCharge" (
    "idempotencyKey" TEXT NOT NULL PRIMARY KEY,
    "amountMinor" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reference" TEXT,
    "createdAt" DATETIME NOT NULL
);
