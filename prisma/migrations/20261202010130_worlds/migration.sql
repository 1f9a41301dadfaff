-- CreateTable
CREATE TABLE "World" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "now" DATETIME NOT NULL,
    "invoiceSequence" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BillingAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "agreementType" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "worldId" TEXT,
    CONSTRAINT "BillingAccount_worldId_fkey" FOREIGN KEY ("worldId") REFERENCES "World" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BillingAccount" ("agreementType", "createdAt", "currency", "id", "name") SELECT "agreementType", "createdAt", "currency", "id", "name" FROM "BillingAccount";
DROP TABLE "BillingAccount";
ALTER TABLE "new_BillingAccount" RENAME TO "BillingAccount";
CREATE INDEX "BillingAccount_worldId_idx" ON "BillingAccount"("worldId");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "worldId" TEXT,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_worldId_fkey" FOREIGN KEY ("worldId") REFERENCES "World" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "displayName", "email", "id", "locale", "passwordHash", "sessionVersion") SELECT "createdAt", "displayName", "email", "id", "locale", "passwordHash", "sessionVersion" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_worldId_idx" ON "User"("worldId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "World_number_key" ON "World"("number");

-- CreateIndex
CREATE INDEX "World_lastUsedAt_idx" ON "World"("lastUsedAt");
