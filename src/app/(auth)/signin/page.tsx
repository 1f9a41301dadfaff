import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { SignInPanel } from "@/features/access/components/sign-in-panel";
import { safeReturnPath } from "@/features/access/return-path";
import { currentUser } from "@/features/access/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("access.signIn"))("pageTitle") };
}

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const { returnTo } = await searchParams;
  const target = safeReturnPath(typeof returnTo === "string" ? returnTo : undefined);
  if (await currentUser()) redirect(target);
  return <SignInPanel returnTo={target} />;
}
