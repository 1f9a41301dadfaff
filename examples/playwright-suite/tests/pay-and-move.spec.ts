// A world per test, pinned in shape and time: Contoso Ltd owes a Due and a Past due invoice, both payable by card,
// on 1 March 2027 — whatever today's date is. The invoices are found by the API, never guessed.
import { createWorld, expect, test } from "billing-sim-kit/playwright";

test.use({ worldOptions: { scenario: "mca-payable", now: "2027-03-01T09:00:00Z", seed: 1 }, worldUser: "admin" });

test("pays the Due invoice with a new card in the Pay now blade", async ({ page, world }) => {
  const [due] = await world.invoices({ status: "due", account: "Contoso Ltd" });
  await page.goto(`/billing/${encodeURIComponent(due.billingAccount)}/invoices`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: due.number, exact: true }) });
  await expect(row.getByRole("cell", { name: "Due", exact: true })).toBeVisible();

  await row.getByRole("link", { name: `Pay now for invoice ${due.number}` }).click();
  const blade = page.getByRole("dialog", { name: "Pay now" });
  // Select a payment method opens a pane on the right: a drop-down of saved cards, or Add new payment method.
  await blade.getByRole("button", { name: "Select a payment method", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Select a payment method" })
    .getByRole("button", { name: "Add new payment method" })
    .click();
  await blade.getByLabel("Card number").fill("4242 4242 4242 4242");
  await blade.getByLabel("Expiration month").selectOption({ label: "12" });
  await blade.getByLabel("Expiration year").selectOption({ label: "2029" }); // the world's year is 2027
  await blade.getByLabel("Security code (CVV/CVC)").fill("123");
  await blade.getByLabel("Name on card").fill("Adele Vance");
  await blade.getByLabel("Country/region").selectOption({ label: "United States" });
  await blade.getByLabel("Postal code").fill("98052");
  await blade.getByRole("button", { name: "Pay now", exact: true }).click();

  await expect(row.getByRole("cell", { name: "Paid", exact: true })).toBeVisible();
  expect(await world.invoices({ status: "due", account: "Contoso Ltd" })).toEqual([]);
});

test("40 days on, pays what fell past due on Contoso Engineering, by the API", async ({ page, world }) => {
  const moved = await world.advanceClock(40); // 1 March → 10 April 2027
  expect(moved.now).toBe("2027-04-10T09:00:00.000Z");
  const engineering = moved.pastDue.filter((invoice) => invoice.billingProfileName === "Contoso Engineering");
  // February's invoice (due 7 March) and March's (issued on the 5th, due 4 April).
  expect(engineering.map((invoice) => invoice.invoiceDate.slice(0, 10))).toEqual(["2027-02-05", "2027-03-05"]);

  for (const invoice of engineering) {
    const answer = await world.pay(invoice); // the profile's default card, Visa ending 4242
    expect(answer, invoice.number).toMatchObject({ httpStatus: 200, status: "succeeded", paidInFull: true });
  }
  await page.goto(`/billing/${encodeURIComponent(world.account("Contoso Ltd").id)}/invoices`);
  for (const invoice of engineering) {
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: invoice.number, exact: true }) });
    await expect(row.getByRole("cell", { name: "Paid", exact: true })).toBeVisible();
  }
});

test("a payment in one world leaves another world of the same scenario untouched", async ({ world, controlApi }) => {
  const other = await createWorld(controlApi, { scenario: "mca-payable", now: "2027-03-01T09:00:00Z", seed: 1 });
  try {
    const before = await other.invoices();
    // Same seed, scenario and clock: the same amounts and dates, invoice numbers aside.
    const amounts = (invoices: typeof before) => invoices.map((invoice) => [invoice.amountDueMinor, invoice.dueDate]);
    expect(amounts(before)).toEqual(amounts(await world.invoices()));

    const [pastDue] = await world.invoices({ status: "pastDue" });
    expect((await world.pay(pastDue)).status).toBe("succeeded");
    expect(await other.invoices()).toEqual(before);
  } finally {
    await other.delete();
  }
});
