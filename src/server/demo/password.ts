/** The password of every demo user unless a deployment sets DEMO_PASSWORD; printed in the README. */
export const BUILT_IN_DEMO_PASSWORD = "Passw0rd!";

/** The one password of every demo user; a deployment changes it with DEMO_PASSWORD. */
export function demoPassword(env: Record<string, string | undefined> = process.env): string {
  return env.DEMO_PASSWORD?.trim() || BUILT_IN_DEMO_PASSWORD;
}

/**
 * The password the sign-in page may print: the built-in one, which is public anyway. A password a
 * deployment chose (DEMO_PASSWORD) is a secret of that deployment and is never shown (review finding 6).
 */
export function publicDemoPassword(env: Record<string, string | undefined> = process.env): string | null {
  return demoPassword(env) === BUILT_IN_DEMO_PASSWORD ? BUILT_IN_DEMO_PASSWORD : null;
}
