// The message catalogs: every locale has every key of every namespace, no
// message is empty, every message is valid ICU, and a translation uses exactly
// the same arguments and rich-text tags as the English source (a French
// "{amount}" missing, or a "{montant}" invented, would show a hole or a crash).
import fs from "node:fs";
import path from "node:path";

import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";

import { catalogs } from "@/i18n/catalogs";
import { defaultLocale, locales } from "@/i18n/config";

type Catalog = Record<string, unknown>;
const messagesDir = path.join(process.cwd(), "src", "i18n", "messages");

/** Every leaf as "namespace.key.sub" → value (anything that is not a nested object is a leaf). */
function flatten(tree: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree === null || typeof tree !== "object" || Array.isArray(tree)) {
    out.set(prefix, tree);
    return out;
  }
  for (const [key, value] of Object.entries(tree)) {
    for (const [leaf, leafValue] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(leaf, leafValue);
  }
  return out;
}

/** The arguments ("amount", "count"…) and tags ("<code>") a message uses, at any depth of plural/select. */
function placeholdersOf(message: string): { args: string[]; tags: string[] } {
  const args = new Set<string>();
  const tags = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          args.add(element.value);
          break;
        case TYPE.plural:
        case TYPE.select:
          args.add(element.value);
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        case TYPE.tag:
          tags.add(element.value);
          walk(element.children);
          break;
      }
    }
  };
  walk(parse(message, { ignoreTag: false, requiresOtherClause: true }));
  return { args: [...args].sort(), tags: [...tags].sort() };
}

/** What is wrong between a source catalog and a translation: missing, empty, extra, unparsable or mismatched messages. */
function catalogProblems(source: Catalog, translation: Catalog, locale: string): string[] {
  const problems: string[] = [];
  const from = flatten(source);
  const to = flatten(translation);
  for (const [key, value] of from) {
    if (!to.has(key)) {
      problems.push(`${locale}: "${key}" is missing`);
      continue;
    }
    const translated = to.get(key);
    if (typeof translated !== "string" || translated.trim() === "") {
      problems.push(`${locale}: "${key}" is empty`);
      continue;
    }
    if (typeof value !== "string") continue; // the source's own problem, reported for the source
    let expected: ReturnType<typeof placeholdersOf>;
    let actual: ReturnType<typeof placeholdersOf>;
    try {
      expected = placeholdersOf(value);
      actual = placeholdersOf(translated);
    } catch (error) {
      problems.push(`${locale}: "${key}" is not a valid ICU message (${(error as Error).message})`);
      continue;
    }
    const missingArgs = expected.args.filter((arg) => !actual.args.includes(arg));
    const extraArgs = actual.args.filter((arg) => !expected.args.includes(arg));
    if (missingArgs.length) problems.push(`${locale}: "${key}" lacks {${missingArgs.join("}, {")}}`);
    if (extraArgs.length)
      problems.push(`${locale}: "${key}" has {${extraArgs.join("}, {")}}, which the source does not`);
    if (expected.tags.join() !== actual.tags.join())
      problems.push(
        `${locale}: "${key}" uses tags <${actual.tags.join(">, <")}> instead of <${expected.tags.join(">, <")}>`,
      );
  }
  for (const key of to.keys()) if (!from.has(key)) problems.push(`${locale}: "${key}" is not in the source catalog`);
  return problems;
}

const source = catalogs[defaultLocale] as Catalog;

describe("message catalogs", () => {
  it("register every locale with the same namespaces, each read from its own file", () => {
    for (const locale of locales) {
      expect(Object.keys(catalogs[locale]).sort(), locale).toEqual(Object.keys(source).sort());
      const files = fs
        .readdirSync(path.join(messagesDir, locale))
        .filter((file) => file.endsWith(".json"))
        .map((file) => file.replace(/\.json$/, ""));
      expect(files.sort(), `src/i18n/messages/${locale}/`).toEqual(Object.keys(source).sort());
      for (const namespace of files) {
        const onDisk = JSON.parse(fs.readFileSync(path.join(messagesDir, locale, `${namespace}.json`), "utf8"));
        expect(catalogs[locale][namespace as keyof (typeof catalogs)["en"]], `${locale}/${namespace}.json`).toEqual(
          onDisk,
        );
      }
    }
  });

  it("has no empty message and only valid ICU in the source catalog", () => {
    const problems: string[] = [];
    for (const [key, value] of flatten(source)) {
      if (typeof value !== "string" || value.trim() === "") problems.push(`${defaultLocale}: "${key}" is empty`);
      else {
        try {
          placeholdersOf(value);
        } catch (error) {
          problems.push(`${defaultLocale}: "${key}" is not a valid ICU message (${(error as Error).message})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  for (const locale of locales.filter((l) => l !== defaultLocale)) {
    it(`${locale} has every key of ${defaultLocale}, none empty, none extra, with the same arguments and tags`, () => {
      expect(catalogProblems(source, catalogs[locale] as Catalog, locale)).toEqual([]);
    });
  }
});

describe("the catalog check itself", () => {
  const en = {
    payments: { toast: { succeeded: "Payment of {amount} for invoice {invoice} succeeded." }, title: "Pay now" },
  };

  it("accepts a faithful translation", () => {
    const fr = {
      payments: {
        toast: { succeeded: "Le paiement de {amount} pour la facture {invoice} a réussi." },
        title: "Payer maintenant",
      },
    };
    expect(catalogProblems(en, fr, "fr")).toEqual([]);
  });

  it("fails on a missing key, an empty message and a key the source does not have", () => {
    expect(catalogProblems(en, { payments: { toast: {}, title: " ", extra: "x" } }, "fr")).toEqual([
      'fr: "payments.toast.succeeded" is missing',
      'fr: "payments.title" is empty',
      'fr: "payments.extra" is not in the source catalog',
    ]);
  });

  it("fails on an argument missing in the translation, or present only there", () => {
    expect(
      catalogProblems(
        en,
        { payments: { toast: { succeeded: "Le paiement pour la facture {invoice} a réussi." }, title: "Payer" } },
        "fr",
      ),
    ).toEqual(['fr: "payments.toast.succeeded" lacks {amount}']);
    expect(
      catalogProblems(
        en,
        {
          payments: {
            toast: { succeeded: "Le paiement de {montant} pour la facture {invoice} a réussi." },
            title: "Payer",
          },
        },
        "fr",
      ),
    ).toEqual([
      'fr: "payments.toast.succeeded" lacks {amount}',
      'fr: "payments.toast.succeeded" has {montant}, which the source does not',
    ]);
  });

  it("finds arguments inside plural branches and rich-text tags, and rejects broken ICU", () => {
    expect(
      placeholdersOf("{count, plural, =0 {None} one {# invoice, {first}} other {# invoices from {first} to {last}}}"),
    ).toEqual({ args: ["count", "first", "last"], tags: [] });
    expect(placeholdersOf("Use <code>{password}</code>.")).toEqual({ args: ["password"], tags: ["code"] });
    const broken = catalogProblems({ a: "{count, plural, one {#} other {#}}" }, { a: "{count, plural, one {#}" }, "fr");
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^fr: "a" is not a valid ICU message/);
  });
});
