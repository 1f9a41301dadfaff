/**
 * A fake request scope for calling server actions, server functions and route
 * handlers directly from vitest. One module stands in for three Next modules:
 *
 *   next/headers     cookies(), headers(), draftMode()
 *   next/navigation  redirect(), permanentRedirect(), notFound(), forbidden(), unauthorized(),
 *                    unstable_rethrow(), plus useRouter()/usePathname()/useSearchParams()/useParams() spies
 *   next/cache       revalidatePath(), revalidateTag(), updateTag(), refresh() (vi.fn spies),
 *                    cacheTag(), cacheLife(), unstable_noStore() (no-ops)
 *
 tests/support/setup-next.ts (a setupFiles entry of both vitest projects) mocks the
 * three modules with this one and calls resetNextRequest() before every test. A test
 * file imports what it needs from here and gets the same instance as the app code:
 *
 *   import { cookieJar, requestHeaders, RedirectError, revalidatePath } from "../support/next-request";
 *
 *   it("signs in", async () => {
 *     requestHeaders.set("accept-language", "fr-FR");
 *     await expect(signIn(form)).rejects.toThrow(RedirectError);     // redirect("/") was called
 *     expect(cookieJar.get("session")?.value).toBeTruthy();           // the action set the cookie
 *     expect(revalidatePath).toHaveBeenCalledWith("/billing");
 *   });
 *
 * The cookie jar models the browser: it survives between calls (one test can
 * sign in, then call the next action as that user) until resetNextRequest().
 * Setting a cookie with maxAge <= 0 or an expiry in the past deletes it.
 */
import { vi } from "vitest";

// ---------------------------------------------------------------- cookies

export type CookieOptions = {
  path?: string;
  domain?: string;
  maxAge?: number;
  expires?: Date | number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: "lax" | "strict" | "none" | boolean;
  priority?: "low" | "medium" | "high";
  partitioned?: boolean;
};
export type StoredCookie = { name: string; value: string } & CookieOptions;

function expired(options: CookieOptions): boolean {
  if (options.maxAge !== undefined && options.maxAge <= 0) return true;
  if (options.expires !== undefined && new Date(options.expires).getTime() <= Date.now()) return true;
  return false;
}

/** The in-memory cookie jar behind cookies(): the shape of Next's (Readonly)RequestCookies + ResponseCookies. */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  get size(): number {
    return this.cookies.size;
  }

  get(nameOrCookie: string | { name: string }): StoredCookie | undefined {
    const name = typeof nameOrCookie === "string" ? nameOrCookie : nameOrCookie.name;
    const cookie = this.cookies.get(name);
    return cookie ? { ...cookie } : undefined;
  }

  getAll(nameOrCookie?: string | { name: string }): StoredCookie[] {
    if (nameOrCookie === undefined) return [...this.cookies.values()].map((cookie) => ({ ...cookie }));
    const cookie = this.get(nameOrCookie);
    return cookie ? [cookie] : [];
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  /** set(name, value, options?) or set({ name, value, ...options }), as Next accepts both. */
  set(nameOrCookie: string | StoredCookie, value?: string, options: CookieOptions = {}): this {
    const cookie: StoredCookie =
      typeof nameOrCookie === "string" ? { ...options, name: nameOrCookie, value: value ?? "" } : { ...nameOrCookie };
    if (expired(cookie)) this.cookies.delete(cookie.name);
    else this.cookies.set(cookie.name, cookie);
    return this;
  }

  /** delete(name), delete([names]) or delete({ name, path, domain }). */
  delete(names: string | string[] | { name: string }): this {
    const list = Array.isArray(names) ? names : [typeof names === "string" ? names : names.name];
    for (const name of list) this.cookies.delete(name);
    return this;
  }

  clear(): this {
    this.cookies.clear();
    return this;
  }

  /** The Cookie request header a browser would send. */
  toString(): string {
    return [...this.cookies.values()].map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; ");
  }

  [Symbol.iterator](): IterableIterator<[string, StoredCookie]> {
    return new Map([...this.cookies].map(([name, cookie]) => [name, { ...cookie }] as [string, StoredCookie]))[
      Symbol.iterator
    ]();
  }
}

export const cookieJar = new CookieJar();

/** The request headers behind headers(); set what the test needs (accept-language, x-forwarded-for, …). */
export const requestHeaders = new Headers();

let draftModeEnabled = false;

/** Clears cookies, headers and draft mode, and the call history of every spy here. */
export function resetNextRequest(
  initial: { cookies?: Record<string, string>; headers?: Record<string, string> } = {},
): void {
  cookieJar.clear();
  for (const name of [...requestHeaders.keys()]) requestHeaders.delete(name);
  for (const [name, value] of Object.entries(initial.cookies ?? {})) cookieJar.set(name, value);
  for (const [name, value] of Object.entries(initial.headers ?? {})) requestHeaders.set(name, value);
  draftModeEnabled = false;
  for (const spy of spies) spy.mockClear();
}

// ---------------------------------------------------------------- next/headers

export async function cookies(): Promise<CookieJar> {
  return cookieJar;
}

export async function headers(): Promise<Headers> {
  // The Cookie header follows the jar, as in a real request.
  const cookieHeader = cookieJar.toString();
  if (cookieHeader) requestHeaders.set("cookie", cookieHeader);
  else requestHeaders.delete("cookie");
  return requestHeaders;
}

export async function draftMode() {
  return {
    get isEnabled() {
      return draftModeEnabled;
    },
    enable: () => void (draftModeEnabled = true),
    disable: () => void (draftModeEnabled = false),
  };
}

// ---------------------------------------------------------------- next/navigation (server side)

/**
 * Thrown by redirect()/permanentRedirect(). Its digest has Next's own format
 * (NEXT_REDIRECT;type;url;status;), so app code using isRedirectError or
 * unstable_rethrow treats it like the real thing.
 */
export class RedirectError extends Error {
  readonly digest: string;
  constructor(
    readonly url: string,
    readonly type: "replace" | "push",
    readonly status: 307 | 308,
  ) {
    super(`NEXT_REDIRECT: ${url}`);
    this.name = "RedirectError";
    this.digest = `NEXT_REDIRECT;${type};${url};${status};`;
  }
}

/** Thrown by notFound() (404), forbidden() (403) and unauthorized() (401); digest as Next's. */
export class HttpAccessError extends Error {
  readonly digest: string;
  constructor(readonly status: 401 | 403 | 404) {
    super(`NEXT_HTTP_ERROR_FALLBACK: ${status}`);
    this.name = "HttpAccessError";
    this.digest = `NEXT_HTTP_ERROR_FALLBACK;${status}`;
  }
}

export const RedirectType = { push: "push", replace: "replace" } as const;

export function redirect(url: string, type: "replace" | "push" = "replace"): never {
  throw new RedirectError(url, type, 307);
}

export function permanentRedirect(url: string, type: "replace" | "push" = "replace"): never {
  throw new RedirectError(url, type, 308);
}

export function notFound(): never {
  throw new HttpAccessError(404);
}

export function forbidden(): never {
  throw new HttpAccessError(403);
}

export function unauthorized(): never {
  throw new HttpAccessError(401);
}

export function isRedirectError(error: unknown): error is RedirectError {
  return error instanceof RedirectError;
}

export function isNotFoundError(error: unknown): error is HttpAccessError {
  return error instanceof HttpAccessError && error.status === 404;
}

/** Rethrows the control-flow errors above, as Next's unstable_rethrow does. */
export function unstable_rethrow(error: unknown): void {
  if (error instanceof RedirectError || error instanceof HttpAccessError) throw error;
}

// ---------------------------------------------------------------- next/navigation (client hooks, for dom tests)

export const router = {
  push: vi.fn(),
  replace: vi.fn(),
  refresh: vi.fn(),
  back: vi.fn(),
  forward: vi.fn(),
  prefetch: vi.fn(),
};
export const navigationState = {
  pathname: "/",
  searchParams: new URLSearchParams(),
  params: {} as Record<string, string | string[]>,
};

export function useRouter() {
  return router;
}
export function usePathname(): string {
  return navigationState.pathname;
}
export function useSearchParams(): URLSearchParams {
  return navigationState.searchParams;
}
export function useParams(): Record<string, string | string[]> {
  return navigationState.params;
}

// ---------------------------------------------------------------- next/cache

export const revalidatePath = vi.fn((path: string, type?: "layout" | "page") => {
  void path;
  void type;
});
export const revalidateTag = vi.fn((tag: string, profile?: string | { expire?: number }) => {
  void tag;
  void profile;
});
export const updateTag = vi.fn((tag: string) => {
  void tag;
});
export const refresh = vi.fn(() => {});

export function cacheTag(...tags: string[]): void {
  void tags;
}
export function cacheLife(profile: unknown): void {
  void profile;
}
export function unstable_noStore(): void {}

const spies = [revalidatePath, revalidateTag, updateTag, refresh, ...Object.values(router)];
