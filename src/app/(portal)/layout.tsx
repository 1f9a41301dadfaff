import { getTranslations } from "next-intl/server";

import { requireUser } from "@/features/access/session";
import { Toaster } from "@/features/portal/components/toaster";
import { TopBar } from "@/features/portal/components/top-bar";

export default async function PortalLayout({ children }: LayoutProps<"/">) {
  const user = await requireUser();
  const t = await getTranslations("common");
  return (
    <>
      <TopBar user={user} />
      <div id="main" className="flex flex-1 flex-col">
        {children}
      </div>
      <Toaster closeLabel={t("close")} />
    </>
  );
}
