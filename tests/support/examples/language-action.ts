// A tiny stand-in for app code, used only by tests/integration/next-request.test.ts
// to show that the fakes of tests/support/next-request.ts replace Next's modules.
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";

/** A server action: remembers the chosen language in a cookie, then redirects. */
export async function chooseLanguage(form: FormData): Promise<never> {
  const language = String(form.get("language") ?? "");
  if (!["en", "fr"].includes(language)) notFound();
  const jar = await cookies();
  jar.set("lang", language, { httpOnly: true, path: "/", maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
  redirect(String(form.get("returnTo") ?? "/"));
}

/** A server action that forgets the language. */
export async function forgetLanguage(): Promise<void> {
  (await cookies()).delete("lang");
}

/** A route handler: reports the language from the cookie, else from Accept-Language. */
export async function GET(): Promise<Response> {
  const fromCookie = (await cookies()).get("lang")?.value;
  const fromHeader = (await headers()).get("accept-language")?.slice(0, 2);
  return Response.json({
    language: fromCookie ?? fromHeader ?? "en",
    source: fromCookie ? "cookie" : fromHeader ? "header" : "default",
  });
}
