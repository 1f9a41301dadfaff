import { render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";

import {
  adminsText,
  AgreementNotice,
  CHECK_ACCOUNT_TYPE_URL,
  WhoCanPayNotice,
} from "@/features/access/components/pay-notices";
import { catalogs } from "@/i18n/catalogs";

const admins = [
  { displayName: "Adele Vance", email: "admin@contoso.com" },
  { displayName: "Megan Bowen", email: "megan@contoso.com" },
];

function inLocale(locale: "en" | "fr", ui: React.ReactNode) {
  return render(
    <NextIntlClientProvider locale={locale} messages={catalogs[locale]} timeZone="UTC">
      {ui}
    </NextIntlClientProvider>,
  );
}

describe("adminsText", () => {
  it("writes every admin as Name <email>", () => {
    expect(adminsText(admins)).toBe("Adele Vance <admin@contoso.com>, Megan Bowen <megan@contoso.com>");
    expect(adminsText([])).toBe("");
  });
});

describe("WhoCanPayNotice", () => {
  it("tells a reader, in one wording, who can pay and where to check their access", () => {
    inLocale("en", <WhoCanPayNotice admins={admins} />);
    expect(
      screen.getByText(
        "You are a billing account reader. You can view invoices but not pay them. Only the billing account admin " +
          "(Adele Vance <admin@contoso.com>, Megan Bowen <megan@contoso.com>) can pay invoices.",
        { exact: false },
      ),
    ).toBeInTheDocument();
    const link = screen.getByRole("link", { name: "Check your access" });
    expect(link).toHaveAttribute("href", CHECK_ACCOUNT_TYPE_URL);
    expect(link).toHaveAttribute("target", "_blank");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("is an alert where the reader asked to pay (the Pay now blade)", () => {
    inLocale("en", <WhoCanPayNotice admins={admins.slice(0, 1)} refusal />);
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Only the billing account admin (Adele Vance <admin@contoso.com>) can pay invoices.",
    );
  });

  it("speaks French", () => {
    inLocale("fr", <WhoCanPayNotice admins={admins.slice(0, 1)} />);
    expect(
      screen.getByText(
        /Seul l’administrateur du compte de facturation \(Adele Vance <admin@contoso\.com>\) peut payer/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Vérifier votre accès" })).toBeInTheDocument();
  });
});

describe("AgreementNotice", () => {
  it("explains how a pay-as-you-go (MOSP) account pays: Settle balance", () => {
    inLocale("en", <AgreementNotice agreementType="MOSP" />);
    expect(screen.getByText(/pay-as-you-go \(Microsoft Online Subscription Program\) account/)).toBeInTheDocument();
    expect(screen.getByText(/Settle balance/)).toBeInTheDocument();
  });

  it("explains that an Enterprise Agreement pays by wire transfer, as a status where Pay now was asked", () => {
    inLocale("en", <AgreementNotice agreementType="EA" refusal />);
    expect(screen.getByRole("status")).toHaveTextContent("invoices are paid by wire transfer, not by card");
  });

  it("says nothing for a Microsoft Customer Agreement (paid with Pay now)", () => {
    const { container } = inLocale("en", <AgreementNotice agreementType="MCA" />);
    expect(container).toBeEmptyDOMElement();
  });

  it("speaks French", () => {
    inLocale("fr", <AgreementNotice agreementType="EA" />);
    expect(screen.getByText(/Contrat Entreprise/)).toBeInTheDocument();
  });
});
