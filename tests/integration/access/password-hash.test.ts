// Password checks: never more at once than the cap (the rest wait in a bounded queue, or are told to try
// again at once), off the event loop, and the hashes bcryptjs wrote still verify.
import { performance } from "node:perf_hooks";

import bcrypt from "bcryptjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { verifyCredentials } from "@/features/access/credentials";
import {
  BUSY_RETRY_SECONDS,
  HashBusy,
  hashConcurrency,
  passwordMatches,
  withHashSlot,
} from "@/features/access/password-hash";

import { useTestDatabase as migratedTestDatabase } from "../../support/test-db";

// Counts the hashes running at once, through the real library.
const hashes = vi.hoisted(() => ({ running: 0, most: 0 }));
vi.mock("@/server/password-pool", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/password-pool")>();
  return {
    ...real,
    verifyOffThread: async (...args: Parameters<typeof real.verifyOffThread>) => {
      hashes.most = Math.max(hashes.most, ++hashes.running);
      try {
        return await real.verifyOffThread(...args);
      } finally {
        hashes.running--;
      }
    },
  };
});
const testDb = migratedTestDatabase({ seed: false });

beforeAll(async () => {
  process.env.PASSWORD_HASH_CONCURRENCY = "2";
  await testDb.db.user.create({
    // Written by bcryptjs, as every stored password was before the native library.
    data: {
      id: "hash-user",
      email: "hash@contoso.test",
      displayName: "H",
      passwordHash: bcrypt.hashSync("Passw0rd!", 10),
    },
  });
});
afterAll(() => {
  delete process.env.PASSWORD_HASH_CONCURRENCY;
});
beforeEach(() => {
  hashes.most = 0;
});

describe("the cap on password hashes", () => {
  it("12 sign-ins at once, each under every throttle limit (12 emails, 12 addresses): never more than 2 hashes at a time", async () => {
    expect(hashConcurrency()).toBe(2);
    const checks = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        verifyCredentials(n === 0 ? "hash@contoso.test" : `nobody${n}@contoso.test`, n === 0 ? "Passw0rd!" : "guess", {
          address: `198.51.100.${n}`,
        }),
      ),
    );
    expect(checks.map((check) => check.status)).toEqual(["verified", ...Array(11).fill("wrong")]);
    expect(hashes.most).toBe(2);
  });

  it("past the queue, a check is answered at once: 'busy', counted as no attempt", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // 2 running and 32 waiting fill the slots and the queue.
    const filling = Array.from({ length: 34 }, () => withHashSlot(() => held));
    await expect(withHashSlot(async () => "never run")).rejects.toBeInstanceOf(HashBusy);
    const busy = await verifyCredentials("hash@contoso.test", "Passw0rd!", { address: "198.51.100.200" });
    expect(busy).toEqual({ status: "throttled", retryAfterSeconds: BUSY_RETRY_SECONDS });
    expect(await testDb.db.signInAttempt.count({ where: { address: "198.51.100.200" } })).toBe(0);
    release();
    await Promise.all(filling);
    expect((await verifyCredentials("hash@contoso.test", "Passw0rd!", { address: "198.51.100.200" })).status).toBe(
      "verified",
    );
  });

  it("hashes run off the event loop: it stays idle while four are checked", async () => {
    const stored = bcrypt.hashSync("Passw0rd!", 10);
    const before = performance.eventLoopUtilization();
    const results = await Promise.all([1, 2, 3, 4].map((n) => passwordMatches(`guess-${n}`, stored)));
    const used = performance.eventLoopUtilization(before);
    expect(results).toEqual([false, false, false, false]);
    // The share of the time the event loop was busy (not waiting for I/O or a thread): a hash of cost 10 on
    // it (bcryptjs) keeps it busy nearly all the time, whatever else loads the machine.
    expect(used.utilization).toBeLessThan(0.5);
  });
});
