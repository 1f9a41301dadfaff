// Billing profiles › profile › Payment methods, in English and in French: a card is
// replaced and edited under its billing profile, then the seeded default (Visa •••• 4242) is given back and
// the new card removed. Each test runs in a billing world of its own (e2e/support/worlds.ts): the payment
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
  otherRegion: string;
  replace: string;
  replaceForm: string;
  addNew: string;
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
  otherRegion: "Other payment methods",
  replace: "Replace",
  replaceForm: "Replace the default payment method",
  addNew: "Add a new card",
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
  remove: "Remove",
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
  otherRegion: "Autres modes de paiement",
  replace: "Remplacer",
  replaceForm: "Remplacer le mode de paiement par défaut",
  addNew: "Ajouter une nouvelle carte",
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

  // Replace: a new card becomes the profile's default.
  const number = uniqueVisa();
  const label = `Visa •••• ${number.slice(-4)}`;
  await defaultSection.getByRole("button", { name: w.replace, exact: true }).click();
  const replace = defaultSection.getByRole("form", { name: w.replaceForm });
  await replace.getByRole("radio", { name: w.addNew }).check();
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
  // The Visa 4242 moved to the other cards.
  const others = page.getByRole("region", { name: w.otherRegion });
  await expect(others.getByRole("cell", { name: "Visa •••• 4242", exact: true })).toBeVisible();

  // Edit the new default: expiry and name on card (the number is not offered).
  await defaultSection.getByRole("button", { name: `${w.edit} ${label}` }).click();
  const edit = defaultSection.getByRole("form", { name: `${w.edit} ${label}` });
  await expect(edit.getByLabel(w.cardNumber)).toHaveCount(0);
  await edit.getByLabel(w.month).selectOption({ label: "04" });
  await edit.getByLabel(w.year).selectOption({ label: "2031" });
  await edit.getByLabel(w.holder).fill("Megan Bowen");
  await edit.getByRole("button", { name: w.save }).click();
  await expect(defaultSection.getByRole("status").getByText(w.edited)).toBeVisible();
  await page.reload();
  await expect(defaultSection.getByText("04/2031")).toBeVisible();
  await expect(defaultSection.getByText("Megan Bowen")).toBeVisible();
  await expect(defaultSection.getByText(label, { exact: true })).toBeVisible();

  // Give the seeded default back, then remove the card this run added.
  await defaultSection.getByRole("button", { name: w.replace, exact: true }).click();
  await defaultSection.getByRole("radio", { name: "Visa •••• 4242 (12/2028)" }).check();
  await defaultSection.getByRole("button", { name: w.setDefault }).click();
  await expect(defaultSection.getByText("Visa •••• 4242", { exact: true })).toBeVisible();
  const added = others.getByRole("row").filter({ has: page.getByRole("cell", { name: label, exact: true }) });
  await added.getByRole("button", { name: `${w.remove} ${label}` }).click();
  await expect(added).toHaveCount(0);
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
