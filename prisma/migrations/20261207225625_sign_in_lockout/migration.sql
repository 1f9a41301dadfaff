-- CreateTable
CREATE TABLE "KnownSignInAddress" (
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lastSignedInAt" DATETIME NOT NULL,

    PRIMARY KEY ("email", "address")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SignInAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "device" TEXT,
    "trusted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_SignInAttempt" ("address", "createdAt", "email", "id") SELECT "address", "createdAt", "email", "id" FROM "SignInAttempt";
DROP TABLE "SignInAttempt";
ALTER TABLE "new_SignInAttempt" RENAME TO "SignInAttempt";
CREATE INDEX "SignInAttempt_email_createdAt_idx" ON "SignInAttempt"("email", "createdAt");
CREATE INDEX "SignInAttempt_address_createdAt_idx" ON "SignInAttempt"("address", "createdAt");
CREATE INDEX "SignInAttempt_createdAt_idx" ON "SignInAttempt"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "KnownSignInAddress_lastSignedInAt_idx" ON "KnownSignInAddress"("lastSignedInAt");
