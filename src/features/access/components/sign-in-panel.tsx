import { getTranslations } from "next-intl/server";

import { TableHead } from "@/components/ui/table-head";
import { publicDemoPassword } from "@/server/demo/password";
import { demoUsers } from "@/server/demo/world";

import { SignInForm } from "./sign-in-form";

/** The simulated "Sign in to the Azure portal", with the demo accounts listed. */
export async function SignInPanel({ returnTo }: { returnTo: string }) {
  const t = await getTranslations("access.signIn");
  const password = publicDemoPassword();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-[#f2f2f2] p-4">
      <section
        aria-labelledby="signin-heading"
        className="w-full max-w-[440px] bg-surface p-11 shadow-[0_2px_6px_rgba(0,0,0,0.2)]"
      >
        <p className="flex items-center gap-2 text-base font-semibold text-ink-muted">
          <span aria-hidden className="grid grid-cols-2 gap-0.5">
            <span className="size-2.5 bg-[#f25022]" />
            <span className="size-2.5 bg-[#7fba00]" />
            <span className="size-2.5 bg-[#00a4ef]" />
            <span className="size-2.5 bg-[#ffb900]" />
          </span>
          {t("microsoft")}
        </p>
        <h1 id="signin-heading" className="mt-4 text-2xl font-semibold">
          {t("heading")}
        </h1>
        <p className="mb-4 text-ink-muted">{t("subheading")}</p>
        <SignInForm returnTo={returnTo} />
      </section>
      <section
        aria-labelledby="demo-heading"
        className="w-full max-w-[640px] bg-surface p-6 shadow-[0_2px_6px_rgba(0,0,0,0.2)]"
      >
        <h2 id="demo-heading" className="text-base font-semibold">
          {t("demoHeading")}
        </h2>
        <p className="mb-3 text-ink-muted">
          {password
            ? t.rich("demoIntro", { password, code: (chunks) => <code>{chunks}</code> })
            : t("demoIntroPrivate")}
        </p>
        <table className="w-full text-left text-sm">
          <TableHead columns={[t("demoAccount"), t("demoRole")]} cell="py-1.5" />
          <tbody>
            {demoUsers.map((user) => (
              <tr key={user.email} className="border-b border-stroke-subtle">
                <td className="py-1.5 font-mono">{user.email}</td>
                <td className="py-1.5">{t(`demoRoles.${user.key}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
