// The language preference: the account menu's setting (saveLanguage) saves
// User.locale and the portal_locale cookie; signing in brings the saved
// language back; resolveLocale() reads cookie → Accept-Language → English;
// and the server's strings and money follow it.
import { getTranslations } from "next-intl/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { signIn } from "@/features/access/actions";
import { SESSION_COOKIE } from "@/features/access/session";
import { saveLanguage } from "@/features/portal/language-actions";
import { catalogs } from "@/i18n/catalogs";
import { intlLocale } from "@/i18n/config";
import { LOCALE_COOKIE, resolveLocale } from "@/i18n/locale";
import { formatMoney } from "@/lib/money";

import { expectNoDatabaseChange } from "../support/db-snapshot";
import { cookieJar, RedirectError, requestHeaders, resetNextRequest, revalidatePath } from "../support/next-request";
// Aliased: the react-hooks lint rule takes any use* call for a React hook.
import { useTestDatabase as seededTestDatabase } from "../support/test-db";

const testDb = seededTestDatabase({ seed: true });
const SECRET = "integration-test-session-secret-0123456789abcdef";

beforeAll(() => {
  process.env.SESSION_SECRET = SECRET;
});
afterAll(() => {
  delete process.env.SESSION_SECRET;
});

async function signInAs(
  email: string,
  headers: Record<string, string> = {},
  cookies: Record<string, string> = {},
): Promise<void> {
  resetNextRequest({ headers, cookies });
  const form = new FormData();
  form.set("email", email);
  form.set("password", "Passw0rd!");
  await expect(signIn({}, form)).rejects.toThrow(RedirectError);
  expect(cookieJar.has(SESSION_COOKIE)).toBe(true);
}

function languageForm(locale: string): FormData {
  const form = new FormData();
  form.set("locale", locale);
  return form;
}

const savedLocale = async (email: string) => (await testDb.db.user.findUniqueOrThrow({ where: { email } })).locale;

describe("resolveLocale", () => {
  it("is English with neither a cookie nor an Accept-Language header", async () => {
    expect(await resolveLocale()).toBe("en");
  });

  it("follows Accept-Language, by quality, to a supported language", async () => {
    requestHeaders.set("accept-language", "fr-FR,fr;q=0.9,en;q=0.8");
    expect(await resolveLocale()).toBe("fr");
    requestHeaders.set("accept-language", "de-DE,de;q=0.9,en-GB;q=0.8,fr;q=0.5");
    expect(await resolveLocale()).toBe("en");
    requestHeaders.set("accept-language", "de-DE,es;q=0.9");
    expect(await resolveLocale()).toBe("en");
  });

  it("prefers the saved language (the cookie) over Accept-Language, and ignores an unknown one", async () => {
    resetNextRequest({ cookies: { [LOCALE_COOKIE]: "en" }, headers: { "accept-language": "fr-FR" } });
    expect(await resolveLocale()).toBe("en");
    resetNextRequest({ cookies: { [LOCALE_COOKIE]: "xx" }, headers: { "accept-language": "fr-FR" } });
    expect(await resolveLocale()).toBe("fr");
  });
});

describe("saveLanguage (the account menu's Language setting)", () => {
  it("saves the choice on the user and in an httpOnly cookie, and re-renders the portal", async () => {
    await signInAs("reader@contoso.com");
    await saveLanguage(languageForm("fr"));
    expect(await savedLocale("reader@contoso.com")).toBe("fr");
    expect(cookieJar.get(LOCALE_COOKIE)).toMatchObject({ value: "fr", httpOnly: true, sameSite: "lax", path: "/" });
    expect(cookieJar.get(LOCALE_COOKIE)!.maxAge).toBeGreaterThan(30 * 24 * 3600);
    expect(revalidatePath).toHaveBeenCalledWith("/", "layout");
    // The next request is in French.
    expect(await resolveLocale()).toBe("fr");
    expect((await getTranslations("portal.services"))("costManagementBilling")).toBe("Gestion des coûts + Facturation");

    await saveLanguage(languageForm("en"));
    expect(await savedLocale("reader@contoso.com")).toBe("en");
    expect(cookieJar.get(LOCALE_COOKIE)?.value).toBe("en");
  });

  it("changes nothing for a language the portal does not have", async () => {
    await signInAs("reader@contoso.com");
    const before = await savedLocale("reader@contoso.com");
    const cookieBefore = cookieJar.get(LOCALE_COOKIE)?.value;
    for (const value of ["de", "", "fr-FR", "FR", "en;fr"]) {
      await saveLanguage(languageForm(value));
    }
    await saveLanguage(new FormData());
    expect(await savedLocale("reader@contoso.com")).toBe(before);
    expect(cookieJar.get(LOCALE_COOKIE)?.value).toBe(cookieBefore);
  });

  it("needs a session: signed out, it sends to sign-in and saves nothing", async () => {
    resetNextRequest();
    await expectNoDatabaseChange(testDb.db, async () => {
      await expect(saveLanguage(languageForm("fr"))).rejects.toMatchObject({ url: "/signin" });
      return "refused";
    });
    expect(cookieJar.has(LOCALE_COOKIE)).toBe(false);
  });
});

describe("signing in", () => {
  it("brings the account's saved language to a new browser", async () => {
    await testDb.db.user.update({ where: { email: "admin@fabrikam.com" }, data: { locale: "fr" } });
    await signInAs("admin@fabrikam.com", { "accept-language": "en-US" });
    expect(cookieJar.get(LOCALE_COOKIE)).toMatchObject({ value: "fr", httpOnly: true });
    expect(await resolveLocale()).toBe("fr");
  });

  it("without a saved language, drops a previous user's cookie so the browser's language applies", async () => {
    await testDb.db.user.update({ where: { email: "admin@fabrikam.com" }, data: { locale: null } });
    await signInAs("admin@fabrikam.com", { "accept-language": "fr-FR" }, { [LOCALE_COOKIE]: "en" });
    expect(cookieJar.has(LOCALE_COOKIE)).toBe(false);
    expect(await resolveLocale()).toBe("fr");
  });

  it("answers a wrong password in the request's language and sets no language cookie", async () => {
    resetNextRequest({ headers: { "accept-language": "fr-FR" } });
    const form = new FormData();
    form.set("email", "admin@contoso.com");
    form.set("password", "wrong");
    expect(await signIn({}, form)).toMatchObject({ error: catalogs.fr.access.signIn.wrongCredentials });
    expect(cookieJar.size).toBe(0);
  });
});

describe("money and dates per locale", () => {
  it("formats amounts as a French reader expects", () => {
    const nnbsp = "\u202f";
    const nbsp = "\u00a0";
    expect(formatMoney(123456, "EUR", intlLocale.fr)).toBe(`1${nnbsp}234,56${nbsp}€`);
    expect(formatMoney(7_245_000, "USD", intlLocale.fr)).toBe(`72${nnbsp}450,00${nbsp}$US`);
    expect(formatMoney(7_245_000, "USD", intlLocale.en)).toBe("$72,450.00");
    expect(
      new Intl.DateTimeFormat(intlLocale.fr, { dateStyle: "medium", timeZone: "UTC" }).format(
        new Date("2026-11-20T09:00:00Z"),
      ),
    ).toBe("20 nov. 2026");
  });
});
