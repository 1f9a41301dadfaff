import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider, useMessages, useTranslations } from "next-intl";
import { describe, expect, it } from "vitest";

import { catalogs } from "@/i18n/catalogs";
import { ClientMessages } from "@/i18n/client-messages";

/** What a client component under the provider can read. */
function Namespaces() {
  return <p>{Object.keys(useMessages()).sort().join(",")}</p>;
}

function GridWords() {
  const t = useTranslations("invoices");
  return <p>{t("commands.download")}</p>;
}

const underFullCatalogs = (children: React.ReactNode) =>
  render(
    <NextIntlClientProvider locale="fr" messages={catalogs.fr}>
      {children}
    </NextIntlClientProvider>,
  );

describe("ClientMessages: the catalogs a part of the page hands its client components", () => {
  it("the shell gets only its own namespaces, not every feature's", () => {
    underFullCatalogs(
      <ClientMessages>
        <Namespaces />
      </ClientMessages>,
    );
    expect(screen.getByText("common,portal")).toBeInTheDocument();
  });

  it("a feature adds its namespace and keeps the shell's (a provider replaces the one above it)", () => {
    underFullCatalogs(
      <ClientMessages namespaces={["invoices"]}>
        <Namespaces />
        <GridWords />
      </ClientMessages>,
    );
    expect(screen.getByText("common,invoices,portal")).toBeInTheDocument();
    // In the language of the page.
    expect(screen.getByText(catalogs.fr.invoices.commands.download)).toBeInTheDocument();
  });

  it("a feature can hand over only the parts of its catalog its client components read", () => {
    function Picked() {
      return <p>{JSON.stringify(useMessages().invoices)}</p>;
    }
    underFullCatalogs(
      <ClientMessages namespaces={["invoices.commands", "invoices.rowMenu"]}>
        <Picked />
        <GridWords />
      </ClientMessages>,
    );
    const { commands, rowMenu } = catalogs.fr.invoices;
    expect(screen.getByText(JSON.stringify({ commands, rowMenu }))).toBeInTheDocument();
    expect(screen.getByText(commands.download)).toBeInTheDocument();
  });
});
