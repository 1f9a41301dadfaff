/**
 * The demo world of docs/product.md, described as data: who exists, which accounts
 * they hold roles on, and what each billing profile's invoice history looks
 * like. seed.ts turns it into rows relative to the simulator clock.
 */
export type InvoiceScenario = "paid" | "due" | "pastDue" | "partiallyPaid" | "void" | "aboveCardLimit";

export type DemoProfile = {
  key: string;
  name: string;
  defaultPaymentKind: "CARD" | "WIRE";
  months: number;
  /** Invoice total range in major units. */
  totalRange: [number, number];
  /** Scenario by months-ago index; every other month is paid. */
  scenarios: Record<number, InvoiceScenario>;
  cards: {
    number: string;
    brand: string;
    expMonth: number;
    expYearOffset: number;
    holderName: string;
    isDefault?: boolean;
  }[];
};

export type DemoAccount = {
  key: string;
  name: string;
  agreementType: "MCA" | "MOSP" | "EA";
  currency: string;
  country: string;
  postalCode: string;
  taxBasisPoints: number;
  profiles: DemoProfile[];
  /** MOSP only: the account's Azure subscription, which owns its cards (the first profile's). */
  subscription?: { displayName: string };
};

export type DemoUser = {
  key: "contosoAdmin" | "contosoReader" | "fabrikamAdmin";
  email: string;
  displayName: string;
  roles: { account: string; role: "BILLING_ACCOUNT_ADMIN" | "BILLING_ACCOUNT_READER" }[];
};

export const demoUsers: DemoUser[] = [
  {
    key: "contosoAdmin",
    email: "admin@contoso.com",
    displayName: "Adele Vance",
    roles: [{ account: "contoso", role: "BILLING_ACCOUNT_ADMIN" }],
  },
  {
    key: "contosoReader",
    email: "reader@contoso.com",
    displayName: "Alex Wilber",
    roles: [{ account: "contoso", role: "BILLING_ACCOUNT_READER" }],
  },
  {
    key: "fabrikamAdmin",
    email: "admin@fabrikam.com",
    displayName: "Diego Siciliani",
    roles: [{ account: "fabrikam", role: "BILLING_ACCOUNT_ADMIN" }],
  },
];

export const demoAccounts: DemoAccount[] = [
  {
    key: "contoso",
    name: "Contoso Ltd",
    agreementType: "MCA",
    currency: "USD",
    country: "US",
    postalCode: "98052",
    taxBasisPoints: 650,
    profiles: [
      {
        key: "engineering",
        name: "Contoso Engineering",
        defaultPaymentKind: "CARD",
        months: 24,
        totalRange: [1800, 9500],
        scenarios: { 0: "due", 1: "pastDue", 2: "partiallyPaid", 5: "void" },
        cards: [
          {
            number: "4242424242424242",
            brand: "visa",
            expMonth: 12,
            expYearOffset: 2,
            holderName: "Adele Vance",
            isDefault: true,
          },
          { number: "5555555555554444", brand: "mastercard", expMonth: 8, expYearOffset: 1, holderName: "Adele Vance" },
          {
            number: "4000000000000002",
            brand: "visa",
            expMonth: 3,
            expYearOffset: 3,
            holderName: "Contoso Procurement",
          },
          {
            number: "378282246310005",
            brand: "american-express",
            expMonth: 1,
            expYearOffset: -1,
            holderName: "Adele Vance",
          },
        ],
      },
      {
        key: "finance",
        name: "Contoso Finance",
        defaultPaymentKind: "WIRE",
        months: 24,
        totalRange: [12000, 38000],
        scenarios: { 0: "aboveCardLimit" },
        cards: [],
      },
    ],
  },
  {
    key: "fabrikam",
    name: "Fabrikam, Inc.",
    agreementType: "MOSP",
    currency: "EUR",
    // Luxembourg: a pay-as-you-go country without Pay now, so past-due bills are paid with Settle balance
    // (Microsoft's list of Pay now countries includes France: docs/fidelity.md).
    country: "LU",
    postalCode: "L-2453",
    taxBasisPoints: 1700,
    subscription: { displayName: "Azure subscription 1" },
    profiles: [
      {
        key: "payg",
        name: "Fabrikam Pay-As-You-Go",
        defaultPaymentKind: "CARD",
        months: 6,
        totalRange: [150, 900],
        // Last month's bill unpaid: the Settle balance banner shows in the demo.
        scenarios: { 0: "due", 1: "pastDue" },
        cards: [
          {
            number: "5555555555554444",
            brand: "mastercard",
            expMonth: 6,
            expYearOffset: 2,
            holderName: "Diego Siciliani",
            isDefault: true,
          },
        ],
      },
    ],
  },
];

export const serviceFamilies = [
  ["Compute", "Virtual Machines D4s v5 — hours"],
  ["Storage", "Premium SSD managed disks — P30"],
  ["Networking", "Bandwidth — data transfer out"],
  ["Databases", "Azure SQL Database — vCore General Purpose"],
  ["AI + Machine Learning", "Azure OpenAI — tokens"],
  ["Containers", "Azure Kubernetes Service — cluster hours"],
  ["Monitoring", "Log Analytics — data ingestion (GB)"],
  ["Security", "Microsoft Defender for Cloud — servers"],
] as const;
