import "server-only";

import { createHmac, randomUUID } from "node:crypto";

import { sealData, unsealData } from "iron-session";
import { cookies } from "next/headers";
import { z } from "zod";

import { sessionSecret } from "@/server/secret";

import { sessionOptions } from "./session";

/**
 * The known-device cookie (OWASP's "device cookies"): set when a browser
 * signs in successfully, it names the accounts that signed in from it. Its
 * attempts on those accounts are counted against the device alone: neither
 * the failures of others at the same address nor the account-wide delay that
 * strangers' guesses cause can keep the owner out (sign-in-throttle.ts).
 * Sealed (encrypted and signed) with a key of its own derived from the
 * session secret, HttpOnly, for 90 days; a cookie that does not unseal, or
 * does not name the account, is simply no known device.
 */
export const DEVICE_COOKIE = "portal_device";
const DEVICE_TTL_SECONDS = 90 * 24 * 60 * 60;
/** The most recent accounts a browser is known for (a shared classroom browser signs in as many). */
const MAX_ACCOUNTS = 10;

const deviceData = z.object({ device: z.uuid(), emails: z.array(z.string().max(254)).max(MAX_ACCOUNTS) });
type DeviceData = z.infer<typeof deviceData>;

function deviceKey(): string {
  return createHmac("sha256", sessionSecret()).update("azure-billing-sim/known-device/v1").digest("hex");
}

function secure(): boolean {
  return sessionOptions().cookieOptions?.secure === true;
}

/** `__Host-portal_device` when Secure, like the session cookie: no sibling subdomain can plant it. */
export function deviceCookieName(): string {
  return secure() ? `__Host-${DEVICE_COOKIE}` : DEVICE_COOKIE;
}

async function readDevice(seal: string | undefined): Promise<DeviceData | null> {
  if (!seal) return null;
  try {
    const parsed = deviceData.safeParse(await unsealData(seal, { password: deviceKey(), ttl: DEVICE_TTL_SECONDS }));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The request's known-device cookie as sent (unsealed later, for the email the attempt names). */
export async function deviceSeal(): Promise<string | undefined> {
  return (await cookies()).get(deviceCookieName())?.value;
}

/** The device's ID when `seal` is a genuine known-device cookie naming `email` (lower case), else null. */
export async function knownDeviceId(seal: string | undefined, email: string): Promise<string | null> {
  const data = await readDevice(seal);
  return data?.emails.includes(email) ? data.device : null;
}

/** After a successful sign-in: this browser is known for `email` from now on (its ID kept if it had one). */
export async function rememberDevice(email: string): Promise<void> {
  const jar = await cookies();
  const earlier = await readDevice(jar.get(deviceCookieName())?.value);
  const data: DeviceData = {
    device: earlier?.device ?? randomUUID(),
    emails: [email, ...(earlier?.emails ?? []).filter((known) => known !== email)].slice(0, MAX_ACCOUNTS),
  };
  jar.set(deviceCookieName(), await sealData(data, { password: deviceKey(), ttl: DEVICE_TTL_SECONDS }), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: secure(),
    maxAge: DEVICE_TTL_SECONDS,
  });
}
