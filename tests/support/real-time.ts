// Real time, moved on for a test file: the rules that run on real time (securityNow: the decline and
// new-card limits, sign-in lockouts, tokens) see Date move ahead, while the database's own clock
// (leases) keeps the machine's time. Only Date is faked, and it keeps ticking, so timers, promises and
// the drivers' sockets run as usual.
import { afterAll, vi } from "vitest";

let offsetMs = 0;

/** Moves Date (and Date.now) `ms` further ahead of the machine's clock, for the rest of the test file. */
export function advanceRealTime(ms: number): void {
  offsetMs += ms;
  vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
  vi.setSystemTime(vi.getRealSystemTime() + offsetMs);
}

afterAll(() => {
  offsetMs = 0;
  vi.useRealTimers();
});
