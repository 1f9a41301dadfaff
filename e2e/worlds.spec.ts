// Worlds and test clocks through the browser (the test kit, packages/billing-sim-kit, via e2e/support/worlds.ts): the README's example — a world, its clock
// moved 40 days, the invoice that fell past due paid — and two worlds side by side, a payment in one unseen in the
// other. Each test makes and deletes its own worlds, so these tests change nothing the other specs rely on.
import { choosePaymentMethod } from "./support/pay-now";
import { createWorld, deleteWorld, expect, test } from "./support/worlds";

test("an invoice falls past due 40 days on, and the admin pays it", async ({ page, world }) => {
  const { pastDue } = await world.advanceClock(40); // Nov 20 → Dec 30: November's invoices were due Dec 5
  // What fell past due, as objects: Contoso Engineering's, payable by card (Contoso Finance's is over the limit).
  const invoiceId = pastDue.find((invoice) => invoice.billingProfileName === "Contoso Engineering")!.number;
  await page.goto(`/billing/${encodeURIComponent(world.account("Contoso Ltd").id)}/invoices`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: invoiceId, exact: true }) });
  await expect(row.getByRole("cell", { name: "Past due", exact: true })).toBeVisible();

  await row.getByRole("link", { name: `Pay now for invoice ${invoiceId}` }).click();
  const blade = page.getByRole("dialog");
  await choosePaymentMethod(page, blade, /^Visa ending in 4242/);
  await blade.getByRole("button", { name: "Pay now", exact: true }).click();

  await expect(row.getByRole("cell", { name: "Paid", exact: true })).toBeVisible();
  await expect(page.getByText(`for invoice ${invoiceId} succeeded.`)).toBeVisible();
});

test("a payment in one world is not in another: its grid still shows the invoice unpaid", async ({
  page,
  world,
  controlApi,
}) => {
  const other = await createWorld(controlApi);
  try {
    const grid = `/billing/${encodeURIComponent(world.account().id)}/invoices?status=pastDue`;
    await page.goto(grid);
    const pastDue = page.getByRole("link", { name: /^Pay now for invoice / });
    await expect(pastDue).toHaveCount(1);
    const invoiceId = (await pastDue.getAttribute("aria-label"))?.replace("Pay now for invoice ", "") ?? "";
    await pastDue.click();
    const blade = page.getByRole("dialog");
    await choosePaymentMethod(page, blade, /^Visa ending in 4242/);
    await blade.getByRole("button", { name: "Pay now", exact: true }).click();
    await expect(page.getByText(`for invoice ${invoiceId} succeeded.`)).toBeVisible();
    await page.goto(grid);
    await expect(page.getByRole("link", { name: /^Pay now for invoice / })).toHaveCount(0);

    // The other world's admin, in a fresh browser context: the same invoice of their world is still past due,
    // and their bell has nothing.
    const context = await page.context().browser()!.newContext();
    const theirs = await context.newPage();
    await other.signIn(theirs);
    await theirs.goto(`/billing/${encodeURIComponent(other.account().id)}/invoices?status=pastDue`);
    await expect(theirs.getByRole("link", { name: /^Pay now for invoice / })).toHaveCount(1);
    await expect(theirs.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
    await context.close();
  } finally {
    await deleteWorld(controlApi, other.id);
  }
});

test("one world per worker: a read-only test signs in to it without making a world of its own", async ({
  browser,
  workerWorld,
}) => {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await workerWorld.signIn(page, "reader");
  await page.goto("/billing");
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Overview" })).toBeVisible();
  await page.goto(`/billing/${encodeURIComponent(workerWorld.account().id)}/invoices`);
  await expect(page.getByRole("link", { name: /^Pay now for invoice / })).toHaveCount(0); // a reader cannot pay
  await context.close();
});
