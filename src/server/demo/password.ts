/** The one password of every demo user; a deployment changes it with DEMO_PASSWORD. */
export function demoPassword(env: Record<string, string | undefined> = process.env): string {
  return env.DEMO_PASSWORD?.trim() || "Passw0rd!";
}
