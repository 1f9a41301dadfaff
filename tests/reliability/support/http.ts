/**
 * HTTP to the servers under test, with every exchange recorded: the suite
 * checks afterwards that no response carried a stack trace, SQL, a full card
 * number or a security code, and counts the requests it fired.
 */
import { sealData } from "iron-session";

import { SESSION_SECRET } from "./server";

export type Exchange = { method: string; url: string; status: number; headers: Headers; body: string };

export const exchanges: Exchange[] = [];
/** Requests that got no HTTP answer at all (a killed server). */
export let droppedRequests = 0;

/** The ID of the Session row addFixtures makes for every user (a cookie is valid only with its row). */
export function fixtureSessionId(userId: string): string {
  return `reliability-${userId}`;
}

/**
 * A session cookie for a user, sealed as the server seals it (iron-session, SESSION_SECRET), naming
 * the session row addFixtures made for the user. Under both names: `__Host-portal_session` is the
 * one a server with secure cookies reads, `portal_session` the one of a server without.
 */
export async function sessionCookie(userId: string): Promise<string> {
  const sealed = await sealData(
    { userId, sessionId: fixtureSessionId(userId) },
    { password: SESSION_SECRET, ttl: 8 * 60 * 60 },
  );
  return `portal_session=${sealed}; __Host-portal_session=${sealed}`;
}

export type Answer = {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
  json: () => Record<string, unknown>;
};

export async function http(
  baseUrl: string,
  path: string,
  init: {
    method?: string;
    cookie?: string;
    headers?: Record<string, string>;
    body?: BodyInit;
    json?: unknown;
    timeoutMs?: number;
    /** null: send no Origin (a script, not a browser); by default a write carries the server's own, as a browser's does. */
    origin?: null;
  } = {},
): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = typeof init.json === "string" ? init.json : JSON.stringify(init.json);
  }
  const method = init.method ?? (body === undefined ? "GET" : "POST");
  // As a browser sends every write: the portal refuses a form post, server action or cookie call without one.
  if (method !== "GET" && method !== "HEAD" && !headers.has("origin") && init.origin !== null)
    headers.set("origin", new URL(baseUrl).origin);
  const url = baseUrl + path;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(init.timeoutMs ?? 60_000),
    });
  } catch (error) {
    droppedRequests++;
    throw error;
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString(response.headers.get("content-type")?.includes("pdf") ? "latin1" : "utf8");
  exchanges.push({ method, url, status: response.status, headers: response.headers, body: text });
  return {
    status: response.status,
    headers: response.headers,
    text,
    bytes,
    json: () => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new Error(`not JSON (HTTP ${response.status}): ${text.slice(0, 300)}`);
      }
    },
  };
}

/** The payments route of an invoice. */
export function paymentsPath(accountId: string, invoiceId: string): string {
  return `/api/billing/${encodeURIComponent(accountId)}/invoices/${encodeURIComponent(invoiceId)}/payments`;
}

export function pdfPath(accountId: string, invoiceId: string): string {
  return `/api/billing/${encodeURIComponent(accountId)}/invoices/${encodeURIComponent(invoiceId)}/pdf`;
}

/** A new-card payment body for the payments route. */
export function newCardBody(
  idempotencyKey: string,
  card: { number: string; cvc?: string },
  extra: Record<string, unknown> = {},
) {
  return {
    idempotencyKey,
    method: "new",
    cardNumber: card.number,
    expMonth: "12",
    expYear: "2030",
    cvc: card.cvc ?? (card.number.startsWith("37") || card.number.startsWith("34") ? "7319" : "737"),
    holderName: "Reliability Test",
    country: "US",
    postalCode: "98052",
    ...extra,
  };
}
