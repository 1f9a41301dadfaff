import { demoAccounts, type DemoAccount, type InvoiceScenario } from "@/server/demo/world";

/**
 * A world's starting shape: the demo's accounts, users, profiles and cards, with
 * each profile's invoice history chosen so that a test can rely on it. Histories
 * are by months before the world's clock (the seed's monthlyInvoiceDates: the
 * newest invoice is the last one dated the 5th on or before `now`, due 30 days
 * later), so every guarantee below holds whatever `now` — and the real date — is:
 * the newest invoice is always Due (its due date lies less than 31 days ahead),
 * the one before it always Past due. Amounts come from the seed alone.
 */
export type Scenario = {
  name: ScenarioName;
  summary: string;
  /** What a test may rely on, in words (GET /api/sim/scenarios). */
  guarantees: string[];
  /** Months-ago → invoice state, by profile name; a profile not named has every invoice paid. */
  histories: "demo" | Partial<Record<ProfileName, Record<number, InvoiceScenario>>>;
};

export const scenarioNames = [
  "default",
  "mca-payable",
  "partially-paid",
  "over-card-limit",
  "all-paid",
  "mosp-past-due",
] as const;
export type ScenarioName = (typeof scenarioNames)[number];
type ProfileName = "Contoso Engineering" | "Contoso Finance" | "Fabrikam Pay-As-You-Go";

const everyOtherInvoicePaid = "Every other invoice of every billing profile is Paid.";

export const scenarios: readonly Scenario[] = [
  {
    name: "default",
    summary: "The demo world's copy (the README's story).",
    guarantees: [
      "Contoso Engineering: the newest invoice Due, the one before Past due, the one before that Partially paid, the sixth newest Void; default card Visa ending 4242.",
      "Contoso Finance (wire transfer): the newest invoice Due and above the USD 50,000 card limit (USD 72,450.00).",
      "Fabrikam Pay-As-You-Go (MOSP, EUR): the newest invoice Due, the one before Past due.",
    ],
    histories: "demo",
  },
  {
    name: "mca-payable",
    summary: "Contoso Ltd (MCA) owes a Due and a Past due invoice, both payable by card.",
    guarantees: [
      "Contoso Engineering: the newest invoice Due, the one before Past due, each under the USD 50,000 card limit; default card Visa ending 4242, valid.",
      everyOtherInvoicePaid,
    ],
    histories: { "Contoso Engineering": { 0: "due", 1: "pastDue" } },
  },
  {
    name: "partially-paid",
    summary: "One MCA invoice is partly paid.",
    guarantees: [
      "Contoso Engineering: the newest invoice Partially paid (40% paid by card, 60% still due, under the card limit).",
      everyOtherInvoicePaid,
    ],
    histories: { "Contoso Engineering": { 0: "partiallyPaid" } },
  },
  {
    name: "over-card-limit",
    summary: "One MCA invoice is above the card limit (wire transfer only).",
    guarantees: [
      "Contoso Finance: the newest invoice Due, USD 72,450.00, above the USD 50,000 card limit (Pay now offers wire transfer).",
      everyOtherInvoicePaid,
    ],
    histories: { "Contoso Finance": { 0: "aboveCardLimit" } },
  },
  {
    name: "all-paid",
    summary: "Nothing is owed.",
    guarantees: ["Every invoice of every billing profile is Paid."],
    histories: {},
  },
  {
    name: "mosp-past-due",
    summary: "Fabrikam, Inc. (MOSP) has a past-due balance to settle.",
    guarantees: [
      "Fabrikam Pay-As-You-Go (EUR): the newest invoice Due, the two before it Past due (Settle balance shows the past-due balance); default card Mastercard ending 4444, valid.",
      everyOtherInvoicePaid,
    ],
    histories: { "Fabrikam Pay-As-You-Go": { 0: "due", 1: "pastDue", 2: "pastDue" } },
  },
];

export function findScenario(name: ScenarioName): Scenario {
  return scenarios.find((scenario) => scenario.name === name)!;
}

/** The demo accounts with the scenario's invoice histories. */
export function scenarioAccounts(name: ScenarioName): readonly DemoAccount[] {
  const { histories } = findScenario(name);
  if (histories === "demo") return demoAccounts;
  return demoAccounts.map((account) => ({
    ...account,
    profiles: account.profiles.map((profile) => ({
      ...profile,
      scenarios: histories[profile.name as ProfileName] ?? {},
    })),
  }));
}
