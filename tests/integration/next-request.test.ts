// Shows how to call server actions and route handlers directly with the fakes of
// tests/support/next-request.ts standing in for next/headers, next/navigation and next/cache.
import { describe, expect, it } from "vitest";

import { chooseLanguage, forgetLanguage, GET } from "../support/examples/language-action";
import {
  cookieJar,
  HttpAccessError,
  RedirectError,
  requestHeaders,
  resetNextRequest,
  revalidatePath,
} from "../support/next-request";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("next-request fakes", () => {
  it("lets a server action set a cookie, revalidate and redirect", async () => {
    const action = chooseLanguage(form({ language: "fr", returnTo: "/billing" }));
    await expect(action).rejects.toThrow(RedirectError);
    await expect(action).rejects.toMatchObject({
      url: "/billing",
      status: 307,
      digest: "NEXT_REDIRECT;replace;/billing;307;",
    });
    expect(cookieJar.get("lang")).toMatchObject({ name: "lang", value: "fr", httpOnly: true, path: "/" });
    expect(revalidatePath).toHaveBeenCalledExactlyOnceWith("/", "layout");
  });

  it("turns notFound() into a recognisable error", async () => {
    await expect(chooseLanguage(form({ language: "de" }))).rejects.toSatisfy(
      (error) => error instanceof HttpAccessError && error.status === 404,
    );
    expect(cookieJar.size).toBe(0);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("keeps cookies between calls like a browser until reset, and deletes them", async () => {
    await expect(chooseLanguage(form({ language: "fr" }))).rejects.toThrow(RedirectError);
    expect(await (await GET()).json()).toEqual({ language: "fr", source: "cookie" });
    await forgetLanguage();
    expect(cookieJar.has("lang")).toBe(false);
    cookieJar.set("lang", "en");
    cookieJar.set("lang", "", { maxAge: 0 }); // how session libraries expire a cookie
    expect(cookieJar.has("lang")).toBe(false);
  });

  it("serves request headers to a route handler", async () => {
    expect(await (await GET()).json()).toEqual({ language: "en", source: "default" });
    requestHeaders.set("accept-language", "fr-FR,fr;q=0.9");
    expect(await (await GET()).json()).toEqual({ language: "fr", source: "header" });
    resetNextRequest({ cookies: { lang: "en" }, headers: { "accept-language": "fr-FR" } });
    expect(await (await GET()).json()).toEqual({ language: "en", source: "cookie" });
  });

  it("exposes the jar as a Cookie header", async () => {
    resetNextRequest({ cookies: { a: "1", b: "x y" } });
    const { headers } = await import("next/headers");
    expect((await headers()).get("cookie")).toBe("a=1; b=x%20y");
  });
});
