import type { Messages, NamespaceKeys, NestedKeyOf } from "next-intl";
import type { getTranslations } from "next-intl/server";

/** The server's translator for one namespace of the catalogs, for a helper that is handed one: `Translator<"payments">`. */
export type Translator<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>> = Awaited<
  ReturnType<typeof getTranslations<Namespace>>
>;
