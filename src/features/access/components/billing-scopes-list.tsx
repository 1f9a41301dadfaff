import { useTranslations } from "next-intl";
import Link from "next/link";

import { TableHead } from "@/components/ui/table-head";

import { billingAccountPath } from "../paths";
import type { AgreementType, Role } from "../roles";

export function BillingScopesList({
  scopes,
}: {
  scopes: { id: string; name: string; agreementType: AgreementType; role: Role }[];
}) {
  const t = useTranslations("access");
  const tp = useTranslations("portal.services");
  return (
    <main className="px-6 py-4">
      <h1 className="text-2xl font-semibold">
        {tp("costManagementBilling")} | {t("scopes.title")}
      </h1>
      <p className="mt-1 mb-4 max-w-3xl text-ink-muted">{t("scopes.intro")}</p>
      {scopes.length === 0 ? (
        <p>{t("scopes.none")}</p>
      ) : (
        <table className="w-full max-w-5xl bg-surface text-left text-[13px]">
          <TableHead columns={[t("scopes.name"), t("scopes.id"), t("scopes.billingAccountType"), t("scopes.role")]} />
          <tbody>
            {scopes.map((scope) => (
              <tr key={scope.id} className="border-b border-stroke-subtle">
                <td className="px-3 py-2">
                  <Link href={billingAccountPath(scope.id)} className="text-brand hover:underline">
                    {scope.name}
                  </Link>
                </td>
                <td className="px-3 py-2 font-mono text-xs break-all">{scope.id}</td>
                <td className="px-3 py-2">{t(`agreementTypes.${scope.agreementType}`)}</td>
                <td className="px-3 py-2">{t(`roles.${scope.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
