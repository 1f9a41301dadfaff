// The sign-in throttle against next start: parallel wrong passwords posted to the real sign-in form, each
// from its own address (X-Forwarded-For, believed from this runner: TRUSTED_PROXIES). Past 5 failures the
// account's attempts from unknown addresses take turns seconds apart and a flood is told to come back: the
// server's CPU time beyond what the same requests cost without any password check stays far below what
// every guess hashed would add. Meanwhile the owner, from the address they signed in from before, gets in;
// one address that guessed 5 times stays locked out, also for a restarted server whose simulator clock
// moved 16 minutes (lockouts run on real time), and is let in once 15 minutes of real time have passed
// (the attempts' times moved back in the database, as waiting would).

import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { MAX_FAILURES_PER_ACCOUNT_ADDRESS, SIGN_IN_WINDOW_MS } from "@/features/access/sign-in-throttle";

import { reliabilityDatabase, removeReliabilityDatabase } from "../support/databases";
import { Figures, tally } from "../support/figures";
import { openDb } from "../support/fixtures";
import { http } from "../support/http";
import { treeCpuMs } from "../support/process-tree";
import { runDbSetup, SIM_NOW, startServer, stopAllServers, type Server } from "../support/server";

const figures = new Figures("sign-in-throttle");
const dbFile = reliabilityDatabase("sign-in-throttle");
const GUESSES = 40;
// As rendered text (an element's content), not the catalog the page also carries for its client components.
const TOO_MANY = />Too many sign-in attempts/;
const WRONG = />Your account or password is incorrect/;
const INVALID = />Enter a valid email address and your password\./;
// The runner talks to the server over loopback: it is the "proxy" whose X-Forwarded-For is believed.
const TRUSTED = { TRUSTED_PROXIES: "127.0.0.1,::1" };

beforeAll(() => {
  runDbSetup(dbFile);
}, 240_000);

afterAll(async () => {
  await stopAllServers();
  figures.write();
  if (process.env.KEEP_TEST_DB !== "1") await removeReliabilityDatabase(dbFile);
});

async function signInForm(server: Server, email: string, password: string, address: string) {
  const page = await http(server.url, "/signin");
  const form = new FormData();
  for (const match of page.text.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g))
    form.append(match[1], (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
  form.append("email", email);
  form.append("password", password);
  return http(server.url, "/signin", { body: form, headers: { "x-forwarded-for": address } });
}

const outcome = (answer: { status: number; text: string }) =>
  answer.status === 303
    ? "signed in"
    : TOO_MANY.test(answer.text)
      ? "throttled"
      : WRONG.test(answer.text)
        ? "wrong"
        : INVALID.test(answer.text)
          ? "invalid"
          : `HTTP ${answer.status}`;

/** The server's CPU time (ms) for `GUESSES` sign-in pages and posts of `password`, all at once, and their outcomes. */
async function burst(server: Server, password: (n: number) => string, firstAddress: number) {
  const before = treeCpuMs(server.process.pid!);
  const answers = await Promise.all(
    Array.from({ length: GUESSES }, (_, n) =>
      signInForm(server, "admin@contoso.com", password(n), `198.51.100.${firstAddress + n}`),
    ),
  );
  return { cpuMs: treeCpuMs(server.process.pid!) - before, outcomes: answers.map(outcome) };
}

describe("sign-in throttle against next start", () => {
  it(`${GUESSES} parallel wrong passwords from ${GUESSES} addresses: a few checked, the rest throttled; CPU bounded; the owner gets in; one address's lockout holds across a restart and lifts on real time`, async () => {
    const first = await startServer({ label: "sign-in-throttle", dbFile, env: TRUSTED });
    // Warms up the sign-in route (its first request loads its code); the owner's address is known from now on.
    expect(outcome(await signInForm(first, "admin@contoso.com", "Passw0rd!", "192.0.2.1"))).toBe("signed in");

    // What the same 80 requests cost with no password check at all (an empty password is refused before
    // the throttle and any hash): the pages, the form posts, their answers. Measured next to the guesses,
    // so a loaded machine (CPU time grows with it too: shared caches, a busy sibling core) loads both.
    const baseline = await burst(first, () => "", 100);
    expect(baseline.outcomes.filter((o) => o === "invalid")).toHaveLength(GUESSES);
    const guesses = await burst(first, (n) => `guess-${n}`, 0);
    const outcomes = guesses.outcomes;
    // 5 checked at once, then a few more in turns 0.5, 1, 2, 4 s apart; every turn past 8 s is refused.
    const checked = outcomes.filter((o) => o === "wrong").length;
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(12);
    expect(outcomes.filter((o) => o === "throttled")).toHaveLength(GUESSES - checked);

    // What one password check costs here (bcrypt, cost 10), measured in this process.
    // CPU time, not wall time: the machine may be loaded.
    const started = process.cpuUsage();
    await bcrypt.compare("guess", await bcrypt.hash("x", 10));
    const used = process.cpuUsage(started);
    const oneHashMs = (used.user + used.system) / 1000 / 2;
    // The guesses cost the baseline plus the few hashes admitted (and the throttle's row counts): well
    // under half of what hashing every guess would add. A throttle counted after the hash would add all
    // GUESSES hashes and fail here.
    const extra = guesses.cpuMs - baseline.cpuMs;
    expect(extra).toBeLessThan((GUESSES / 2) * oneHashMs);

    // The owner, from the address the account signed in from, is let in at once during the attack.
    expect(outcome(await signInForm(first, "admin@contoso.com", "Passw0rd!", "192.0.2.1"))).toBe("signed in");
    // One address that guessed MAX_FAILURES_PER_ACCOUNT_ADDRESS times is locked out, right password or not…
    const guesser = "203.0.113.66";
    for (let n = 0; n < MAX_FAILURES_PER_ACCOUNT_ADDRESS; n++)
      expect(outcome(await signInForm(first, "admin@fabrikam.com", `nope-${n}`, guesser))).toBe("wrong");
    expect(outcome(await signInForm(first, "admin@fabrikam.com", "Passw0rd!", guesser))).toBe("throttled");
    await first.stop();
    // …also for a restarted server whose simulator clock is 16 minutes on: the lockout runs on real time.
    const later = new Date(Date.parse(SIM_NOW) + SIGN_IN_WINDOW_MS + 60_000).toISOString();
    const env = { ...TRUSTED, SIM_NOW: later };
    const restarted = await startServer({ label: "sign-in-throttle-restarted", dbFile, env });
    const stillRefused = await signInForm(restarted, "admin@fabrikam.com", "Passw0rd!", guesser);
    expect(outcome(stillRefused)).toBe("throttled");
    expect(stillRefused.text).toMatch(/>Too many sign-in attempts\. For your security, try again in 1[45] minutes\./);

    // 15 minutes of real time later (the attempts' times moved back by the window): let in.
    const db = openDb(dbFile);
    try {
      for (const row of await db.signInAttempt.findMany({ where: { email: "admin@fabrikam.com" } }))
        await db.signInAttempt.update({
          where: { id: row.id },
          data: { createdAt: new Date(row.createdAt.getTime() - SIGN_IN_WINDOW_MS) },
        });
    } finally {
      await db.$disconnect();
    }
    expect(outcome(await signInForm(restarted, "admin@fabrikam.com", "Passw0rd!", guesser))).toBe("signed in");
    await restarted.stop();

    figures.set("burst", {
      requests: GUESSES,
      answers: tally(outcomes),
      serverCpuMs: Math.round(guesses.cpuMs),
      baselineCpuMs: Math.round(baseline.cpuMs),
      extraCpuMs: Math.round(extra),
      oneHashMs: Math.round(oneHashMs),
      everyGuessHashedMs: Math.round(GUESSES * oneHashMs),
    });
  });
});
