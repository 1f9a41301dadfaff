import { getTranslations } from "next-intl/server";
import Link from "next/link";

export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="mb-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mb-4 text-ink-muted">{t("body")}</p>
      <Link href="/" className="text-brand hover:underline">
        {t("home")}
      </Link>
    </main>
  );
}
