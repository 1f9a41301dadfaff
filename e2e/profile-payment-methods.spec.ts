// Billing profiles › profile › Payment methods, in English and in French, by the click paths of
// change-credit-card and delete-azure-payment-method: Replace opens Select a payment method's pane (Add new
// payment method), each card of "Your credit cards" has a "…" menu of Edit (a pane), Make default and Delete
// (a confirmation that says whether the card is in use); the seeded default (Visa •••• 4242) is given back
// and the new card deleted. Each test runs in a billing world of its own (e2e/support/worlds.ts): the payment
// specs save cards on the demo world's profiles, which must not change what this one finds.
import type { Page } from "@playwright/test";

import { uniqueVisa } from "./support/cards";
import { expect, test, type World } from "./support/worlds";

// Each test signs in itself, by the labels of its language.
test.use({ worldUser: null });

type Words = {
  email: string;
  password: string;
  signIn: string;
  menu: string;
  billingProfiles: string;
  profileLink: string;
  heading: string;
  defaultRegion: string;
  cardsRegion: string;
  replace: string;
  replaceForm: string;
  selectMethod: string;
  addNew: string;
  moreActions: string;
  makeDefault: string;
  deleteTitle: string;
  inUse: string;
  deleted: string;
  setDefault: string;
  replaced: string;
  cardNumber: string;
  month: string;
  year: string;
  cvc: string;
  holder: string;
  postal: string;
  edit: string;
  save: string;
  edited: string;
  remove: string;
};

const english: Words = {
  email: "Email",
  password: "Password",
  signIn: "Sign in",
  menu: "Cost Management + Billing menu",
  billingProfiles: "Billing profiles",
  profileLink: "Payment methods of Contoso Engineering",
  heading: "Contoso Engineering | Payment methods",
  defaultRegion: "Default payment method",
  cardsRegion: "Your credit cards",
  replace: "Replace",
  replaceForm: "Replace the default payment method",
  selectMethod: "Select a payment method",
  addNew: "Add new payment method",
  moreActions: "More actions for",
  makeDefault: "Make default",
  deleteTitle: "Delete a payment method",
  inUse: "This payment method is in use and can't be deleted.",
  deleted: "The card was deleted.",
  setDefault: "Set as default",
  replaced: "The default payment method was replaced.",
  cardNumber: "Card number",
  month: "Expiration month",
  year: "Expiration year",
  cvc: "Security code (CVV/CVC)",
  holder: "Name on card",
  postal: "Postal code",
  edit: "Edit",
  save: "Save changes",
  edited: "The card was updated.",
  remove: "Delete",
};

const french: Words = {
  email: "E-mail",
  password: "Mot de passe",
  signIn: "Se connecter",
  menu: "Menu Gestion des coûts + Facturation",
  billingProfiles: "Profils de facturation",
  profileLink: "Modes de paiement de Contoso Engineering",
  heading: "Contoso Engineering | Modes de paiement",
  defaultRegion: "Mode de paiement par défaut",
  cardsRegion: "Vos cartes de crédit",
  replace: "Remplacer",
  replaceForm: "Remplacer le mode de paiement par défaut",
  selectMethod: "Sélectionner un mode de paiement",
  addNew: "Ajouter un nouveau mode de paiement",
  moreActions: "Autres actions pour",
  makeDefault: "Définir par défaut",
  deleteTitle: "Supprimer un mode de paiement",
  inUse: "Ce mode de paiement est utilisé et ne peut pas être supprimé.",
  deleted: "La carte a été supprimée.",
  setDefault: "Définir par défaut",
  replaced: "Le mode de paiement par défaut a été remplacé.",
  cardNumber: "Numéro de carte",
  month: "Mois d’expiration",
  year: "Année d’expiration",
  cvc: "Code de sécurité (CVV/CVC)",
  holder: "Nom sur la carte",
  postal: "Code postal",
  edit: "Modifier",
  save: "Enregistrer les modifications",
  edited: "La carte a été mise à jour.",
  remove: "Supprimer",
};

async function replaceAndEdit(page: Page, world: World, w: Words) {
  const admin = world.user("admin");
  await page.goto("/signin");
  await page.getByLabel(w.email).fill(admin.email);
  await page.getByLabel(w.password).fill(admin.password);
  await page.getByRole("button", { name: w.signIn, exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
  await page.goto("/billing");
  await page.getByRole("navigation", { name: w.menu }).getByRole("link", { name: w.billingProfiles }).click();
  await page.getByRole("link", { name: w.profileLink }).click();
  await expect(page.getByRole("heading", { name: w.heading })).toBeVisible();

  const defaultSection = page.getByRole("region", { name: w.defaultRegion });
  await expect(defaultSection.getByText("Visa •••• 4242", { exact: true })).toBeVisible();

  // Replace: Select a payment method's pane opens at once; Add new payment method opens the card form.
  const number = uniqueVisa();
  const label = `Visa •••• ${number.slice(-4)}`;
  await defaultSection.getByRole("button", { name: w.replace, exact: true }).click();
  const replace = defaultSection.getByRole("form", { name: w.replaceForm });
  const pane = page.getByRole("dialog", { name: w.selectMethod });
  await expect(pane.getByRole("combobox")).toBeFocused();
  await pane.getByRole("button", { name: w.addNew }).click();
  await expect(pane).toHaveCount(0);
  await expect(replace.getByLabel(w.cardNumber)).toBeFocused();
  await replace.getByLabel(w.cardNumber).fill(number);
  await replace.getByLabel(w.month).selectOption({ label: "09" });
  await replace.getByLabel(w.year).selectOption({ label: "2030" });
  await replace.getByLabel(w.cvc).fill("321");
  await replace.getByLabel(w.holder).fill("Adele Vance");
  await replace.getByLabel(w.postal).fill("98052");
  await replace.getByRole("button", { name: w.setDefault }).click();
  await expect(defaultSection.getByRole("status").getByText(w.replaced)).toBeVisible();
  await expect(defaultSection.getByText(label, { exact: true })).toBeVisible();
  await expect(defaultSection.getByText("09/2030")).toBeVisible();
  // Your credit cards lists every card, the new default and the Visa 4242 included.
  const cards = page.getByRole("region", { name: w.cardsRegion });
  const rowOf = (card: string) =>
    cards.getByRole("row").filter({ has: page.getByRole("cell", { name: card, exact: true }) });
  await expect(rowOf("Visa •••• 4242")).toHaveCount(1);
  await expect(rowOf(label)).toHaveCount(1);
  const menuItem = async (card: string, item: string) => {
    await rowOf(card)
      .getByRole("button", { name: `${w.moreActions} ${card}` })
      .click();
    await page
      .getByRole("menu", { name: `${w.moreActions} ${card}` })
      .getByRole("menuitem", { name: item })
      .click();
  };

  // Edit the new default in a pane (expiry and name on card; the number is not offered).
  await menuItem(label, w.edit);
  const edit = page.getByRole("dialog", { name: `${w.edit} ${label}` });
  await expect(edit.getByLabel(w.cardNumber)).toHaveCount(0);
  await edit.getByLabel(w.month).selectOption({ label: "04" });
  await edit.getByLabel(w.year).selectOption({ label: "2031" });
  await edit.getByLabel(w.holder).fill("Megan Bowen");
  await edit.getByRole("button", { name: w.save }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByRole("status").getByText(w.edited)).toBeVisible();
  await page.reload();
  await expect(defaultSection.getByText("04/2031")).toBeVisible();
  await expect(defaultSection.getByText("Megan Bowen")).toBeVisible();
  await expect(defaultSection.getByText(label, { exact: true })).toBeVisible();

  // Delete the default: the confirmation says it is in use and Delete stays off.
  await menuItem(label, w.remove);
  const confirm = page.getByRole("dialog", { name: w.deleteTitle });
  await expect(confirm.getByText(w.inUse)).toBeVisible();
  await expect(confirm.getByRole("button", { name: w.remove, exact: true })).toBeDisabled();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);

  // Give the seeded default back with Make default, then delete the card this run added.
  await menuItem("Visa •••• 4242", w.makeDefault);
  await expect(defaultSection.getByText("Visa •••• 4242", { exact: true })).toBeVisible();
  await menuItem(label, w.remove);
  await expect(confirm.getByText(w.inUse)).toHaveCount(0);
  await confirm.getByRole("button", { name: w.remove, exact: true }).click();
  await expect(page.getByRole("status").getByText(w.deleted)).toBeVisible();
  await expect(rowOf(label)).toHaveCount(0);
}

test("a card is replaced and edited under its billing profile", async ({ page, world }) => {
  await replaceAndEdit(page, world, english);
});

test.describe("in French", () => {
  test.use({ locale: "fr-FR" });
  test("une carte est remplacée puis modifiée sous son profil de facturation", async ({ page, world }) => {
    await replaceAndEdit(page, world, french);
  });
});
