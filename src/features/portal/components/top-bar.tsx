import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { billingAccountPath } from "@/features/access/paths";
import { listBillingScopes } from "@/features/access/scope";
import type { SessionUser } from "@/features/access/session";

import { notificationsFor } from "../notifications";
import { AccountMenu } from "./account-menu";
import { GlobalSearch } from "./global-search";
import { HelpPane } from "./help-pane";
import { NotificationsBell } from "./notifications-bell";

export async function TopBar({ user }: { user: SessionUser }) {
  const [t, tc, notifications, scopes] = await Promise.all([
    getTranslations("portal.topBar"),
    getTranslations("common"),
    notificationsFor(user.id),
    listBillingScopes(user.id),
  ]);
  // The search finds pages of these accounts only: those the user holds a role on.
  const accounts = scopes.map((scope) => ({
    name: scope.name,
    path: billingAccountPath(scope.id),
    hasBillingProfiles: scope.agreementType === "MCA",
  }));
  return (
    <header className="no-print sticky top-0 z-40 flex h-10 items-center gap-2 bg-masthead pl-3 text-white sm:gap-3">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-1 focus:left-1 focus:z-50 focus:bg-white focus:px-2 focus:py-1 focus:text-ink"
      >
        {t("skipToContent")}
      </a>
      <Link href="/" className="shrink-0 text-[15px] font-semibold whitespace-nowrap hover:underline">
        {t("home")}
      </Link>
      <span className="hidden rounded-sm border border-[#8a8886] px-1.5 text-[11px] text-[#c8c6c4] md:inline">
        {tc("simulatorBadge")}
      </span>
      <div className="flex min-w-0 flex-1 justify-center">
        <GlobalSearch accounts={accounts} />
      </div>
      <NotificationsBell notifications={notifications} />
      <HelpPane />
      <AccountMenu name={user.displayName} email={user.email} />
    </header>
  );
}
