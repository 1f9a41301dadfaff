-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "pendingCardKey" TEXT;
