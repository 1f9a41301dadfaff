// Shows the "dom" project at work (jsdom + React + jest-dom matchers + user-event)
// on a tiny component defined here, not app code.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";

import { formatMoney } from "@/lib/money";

function AmountField({ currency }: { currency: string }) {
  const [text, setText] = useState("");
  const valid = /^\d+([.,]\d{0,2})?$/.test(text);
  return (
    <form aria-label="Pay">
      <label>
        Amount
        <input value={text} onChange={(event) => setText(event.target.value)} aria-invalid={text !== "" && !valid} />
      </label>
      <button type="submit" disabled={!valid}>
        Pay {valid ? formatMoney(Math.round(Number(text.replace(",", ".")) * 100), currency, "en-US") : ""}
      </button>
    </form>
  );
}

describe("dom project", () => {
  it("renders, types and uses jest-dom matchers", async () => {
    const user = userEvent.setup();
    render(<AmountField currency="USD" />);
    const field = screen.getByLabelText("Amount");
    expect(screen.getByRole("button", { name: /Pay/ })).toBeDisabled();

    await user.type(field, "12.5");
    expect(field).toHaveValue("12.5");
    expect(field).toHaveAttribute("aria-invalid", "false");
    expect(screen.getByRole("button", { name: "Pay $12.50" })).toBeEnabled();

    await user.type(field, "x");
    expect(field).toBeInvalid();
  });

  it("starts each test from an empty document (cleanup ran)", () => {
    expect(document.body).toBeEmptyDOMElement();
  });
});
