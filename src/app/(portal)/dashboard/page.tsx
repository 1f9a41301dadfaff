import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { Breadcrumb } from "@/components/ui/breadcrumb";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.dashboard"))("title") };
}

/**
 * An empty dashboard, like a new user's in the Azure portal: the portal shell
 * (top bar, session, breadcrumb, catalogs) and nothing else. Besides being a
 * page, it is the benchmark's floor: what any portal page costs in this
 * framework before it reads any billing data (see README, Performance).
 */
export default async function DashboardPage() {
  const t = await getTranslations("portal.dashboard");
  return (
    <>
      <Breadcrumb items={[{ label: t("title") }]} />
      <main className="px-6 py-3">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-6 text-ink-muted">{t("empty")}</p>
      </main>
    </>
  );
}
