import { describe, expect, it } from "vitest";

import { defaultCardOf } from "@/lib/default-card";

const cards = [{ id: "card-1" }, { id: "card-2" }];

describe("the default card of a billing profile", () => {
  it("is the card on file that its default names, when it pays by card", () => {
    expect(defaultCardOf({ defaultPaymentKind: "CARD", defaultPaymentMethodId: "card-2" }, cards)).toEqual({
      id: "card-2",
    });
  });

  it("is none when it pays by wire transfer, even if a card is named", () => {
    expect(defaultCardOf({ defaultPaymentKind: "WIRE", defaultPaymentMethodId: "card-2" }, cards)).toBeNull();
  });

  it("is none when the named card is no longer on file, or none is named", () => {
    expect(defaultCardOf({ defaultPaymentKind: "CARD", defaultPaymentMethodId: "card-9" }, cards)).toBeNull();
    expect(defaultCardOf({ defaultPaymentKind: "CARD", defaultPaymentMethodId: null }, cards)).toBeNull();
  });
});
