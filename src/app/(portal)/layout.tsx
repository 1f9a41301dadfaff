import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";

import { Toaster } from "@/components/ui/toaster";
import { requireUser } from "@/features/access/session";
import { TopBar } from "@/features/portal/components/top-bar";

/** The portal shell: top bar, main area and toasts, with the catalogs its client components read. */
export default async function PortalLayout({ children }: LayoutProps<"/">) {
  const user = await requireUser();
  const t = await getTranslations("common");
  return (
    <NextIntlClientProvider>
      <TopBar user={user} />
      <div id="main" className="flex flex-1 flex-col">
        {children}
      </div>
      <Toaster closeLabel={t("close")} />
    </NextIntlClientProvider>
  );
}
