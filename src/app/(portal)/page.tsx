import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { requireUser } from "@/features/access/session";
import { PortalHome } from "@/features/portal/components/portal-home";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.home"))("title") };
}

export default async function HomePage() {
  const user = await requireUser();
  return <PortalHome userId={user.id} />;
}
