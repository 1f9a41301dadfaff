import { getTranslations } from "next-intl/server";

import { Toaster } from "@/components/ui/toaster";
import { requireUser } from "@/features/access/session";
import { TopBar } from "@/features/portal/components/top-bar";
import { ClientMessages } from "@/i18n/client-messages";

/** The portal shell: top bar, main area and toasts, with the shell's catalogs (features add theirs: ClientMessages). */
export default async function PortalLayout({ children }: LayoutProps<"/">) {
  const user = await requireUser();
  const t = await getTranslations("common");
  return (
    <ClientMessages>
      <TopBar user={user} />
      <div id="main" className="flex flex-1 flex-col">
        {children}
      </div>
      <Toaster closeLabel={t("close")} />
    </ClientMessages>
  );
}
