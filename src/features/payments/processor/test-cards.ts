/**
 * The simulated processor's test cards: the outcome is chosen by the card
 * number, so trainers and tests can produce every case on purpose.
 * Any other valid card number is approved. Documented in the README.
 */
export const declineCodes = [
  "generic_decline",
  "insufficient_funds",
  "expired_card",
  "incorrect_cvc",
  "processing_error",
  "prepaid_card",
  "virtual_card",
] as const;
export type DeclineCode = (typeof declineCodes)[number];

/** Declines that a retry with the same card may fix. */
export const retryableDeclines: ReadonlySet<DeclineCode> = new Set(["processing_error"]);

export type TestCard = { number: string; brand: string; outcome: "approved" | DeclineCode; description: string };

export const testCards: readonly TestCard[] = [
  { number: "4242424242424242", brand: "visa", outcome: "approved", description: "Visa credit card, approved" },
  {
    number: "5555555555554444",
    brand: "mastercard",
    outcome: "approved",
    description: "Mastercard credit card, approved",
  },
  {
    number: "378282246310005",
    brand: "american-express",
    outcome: "approved",
    description: "American Express, approved",
  },
  { number: "4000056655665556", brand: "visa", outcome: "approved", description: "Visa debit card, approved" },
  {
    number: "4000000000000002",
    brand: "visa",
    outcome: "generic_decline",
    description: "Declined by the bank, no reason given",
  },
  {
    number: "4000000000009995",
    brand: "visa",
    outcome: "insufficient_funds",
    description: "Declined: insufficient funds",
  },
  {
    number: "4000000000000069",
    brand: "visa",
    outcome: "expired_card",
    description: "Declined: the bank says the card has expired",
  },
  {
    number: "4000000000000127",
    brand: "visa",
    outcome: "incorrect_cvc",
    description: "Declined: incorrect security code",
  },
  {
    number: "4000000000000119",
    brand: "visa",
    outcome: "processing_error",
    description: "Processing error (retryable)",
  },
  { number: "4000000000000507", brand: "visa", outcome: "prepaid_card", description: "Refused: prepaid card" },
  { number: "4000000000000077", brand: "visa", outcome: "virtual_card", description: "Refused: virtual card" },
];
