import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Receipt24Regular } from "@/components/ui/icons";
import { TableHead } from "@/components/ui/table-head";
import { listBillingScopes } from "@/features/access/scope";

/** The portal's home: the Azure services row and the user's billing accounts, read from the database. */
export async function PortalHome({ userId }: { userId: string }) {
  const [t, tp, ta, accounts] = await Promise.all([
    getTranslations("portal.home"),
    getTranslations("portal.services"),
    getTranslations("access"),
    listBillingScopes(userId),
  ]);
  return (
    <main className="mx-auto w-full max-w-6xl px-6 py-6">
      <h1 className="sr-only">{t("title")}</h1>
      <section aria-labelledby="services-heading">
        <h2 id="services-heading" className="mb-3 text-xl font-semibold">
          {t("azureServices")}
        </h2>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link
              href="/billing"
              className="flex w-28 flex-col items-center gap-2 rounded p-2 text-center text-[13px] hover:bg-surface"
            >
              <span aria-hidden className="flex size-12 items-center justify-center rounded bg-[#e8f5e9] text-success">
                <Receipt24Regular />
              </span>
              {tp("costManagementBilling")}
            </Link>
          </li>
        </ul>
      </section>
      <section aria-labelledby="recent-heading" className="mt-8">
        <h2 id="recent-heading" className="mb-3 text-xl font-semibold">
          {t("recent")}
        </h2>
        {accounts.length === 0 ? (
          <p className="text-ink-muted">{t("recentEmpty")}</p>
        ) : (
          <table className="w-full max-w-3xl bg-surface text-left text-sm">
            <TableHead columns={[t("name"), t("type")]} />
            <tbody>
              {accounts.map((account) => (
                <tr key={account.id} className="border-b border-stroke-subtle">
                  <td className="px-3 py-2">
                    <Link className="text-brand hover:underline" href={`/billing/${encodeURIComponent(account.id)}`}>
                      {account.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {t("billingAccount")} · {ta(`agreementTypes.${account.agreementType}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
