import { Prisma } from "@/generated/prisma/client";

/**
 * Whether a write failed on a unique constraint (Prisma's P2002, the same on both engines): a
 * concurrent request recorded the same key first, and the caller answers as that request did.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
