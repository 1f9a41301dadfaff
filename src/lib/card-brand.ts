const brandNames: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  "american-express": "American Express",
  discover: "Discover",
  jcb: "JCB",
  "diners-club": "Diners Club",
  unionpay: "UnionPay",
  maestro: "Maestro",
};

/** A card brand as printed on cards (brand names are not translated). */
export function cardBrandName(brand: string | null | undefined): string {
  return brand ? (brandNames[brand] ?? brand) : "";
}
