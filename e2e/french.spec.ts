// The seed article is the French edition: its six steps, in French, by the
// French words — sign in, search "facturation", Gestion des coûts + Facturation,
// Factures, Payer maintenant, Sélectionner un mode de paiement, Payer
// maintenant, status Payé — with French dates and money. Then the Language
// setting of the account menu (saved on the account, back at the next sign-in)
// and the invoice PDF in French.
//
// This spec pays an invoice and saves a user's language, which the other specs
// must not see: each test runs in a world of its own (e2e/support/worlds.ts).
import fs from "node:fs/promises";

import type { Page } from "@playwright/test";
import pdfParse from "pdf-parse";

import { DEMO_PASSWORD, signIn } from "./support/auth";
import { E2E_BASE_URL } from "./support/env";
import { expect, test } from "./support/worlds";

const SHOTS = "test-results/screenshots";

// Each test signs in itself, by the French labels.
test.use({ worldUser: null, locale: "fr-FR" });

/** "72 450,00 $US" (French grouping and decimal comma, the currency after) → 7245000 cents. */
const centsFr = (text: string) => Math.round(Number(text.replace(/[^\d,]/g, "").replace(",", ".")) * 100);
const FRENCH_USD = /^\d{1,3}(?:[\u202f\u00a0 ]\d{3})*,\d{2}[\u00a0 ]\$US$/;

const grid = (page: Page) =>
  page.getByRole("table").filter({ has: page.getByRole("columnheader", { name: "ID de facture" }) });

/** Étape 1 : se connecter au portail Azure, avec les libellés français de la page. */
async function seConnecter(page: Page, email: string): Promise<void> {
  await page.goto("/signin");
  await expect(page).toHaveTitle(/Se connecter au portail Azure/);
  await expect(page.getByRole("heading", { name: "Se connecter", exact: true })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/signin");
}

test("les six étapes de l’article, en français : la facture en retard passe à l’état Payé", async ({ page, world }) => {
  // 1. Se connecter au portail Azure.
  await seConnecter(page, world.user("admin").email);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Services Azure" })).toBeVisible();

  // 2. Rechercher « Gestion des coûts + Facturation » : le service se trouve par ses mots français, accents ou non.
  const recherche = page.getByRole("combobox", { name: "Rechercher des ressources, services et documents" });
  const service = page.getByRole("option", { name: /Gestion des coûts \+ Facturation/ });
  for (const mot of ["gestion", "coûts", "couts", "factures", "gestion des coûts"]) {
    await recherche.fill(mot);
    await expect(service, `« ${mot} » trouve le service`).toBeVisible();
  }
  await recherche.fill("zzz");
  await expect(page.getByText("Aucun résultat")).toBeVisible();
  await recherche.fill("");
  await recherche.pressSequentially("facturation");
  await service.click();
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Vue d’ensemble" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Fil d’Ariane" })).toContainText("Gestion des coûts + Facturation");

  // 3. Dans le volet de gauche, sous Facturation, sélectionner Factures.
  const menu = page.getByRole("navigation", { name: "Menu Gestion des coûts + Facturation" });
  await menu.getByRole("list", { name: "Facturation" }).getByRole("link", { name: "Factures", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Factures" })).toBeVisible();

  // The grid speaks French: headers, statuses, dates and money.
  for (const column of [
    "ID de facture",
    "Profil de facturation",
    "Date de facture",
    "Date d’échéance",
    "Période de facturation",
    "Montant total",
    "Montant dû",
    "État",
  ]) {
    await expect(grid(page).getByRole("columnheader", { name: column })).toBeVisible();
  }
  for (const statut of ["Dû", "En retard", "Partiellement payé", "Payé", "Annulé"]) {
    await expect(
      grid(page).getByRole("cell", { name: statut, exact: true }).first(),
      `état « ${statut} »`,
    ).toBeVisible();
  }
  await expect(grid(page).getByRole("cell", { name: /^72\s450,00\s\$US$/ })).toHaveCount(2); // total and amount due above the card limit
  await expect(
    grid(page)
      .getByRole("cell", { name: /^\d{1,2} [a-zéû]{3,5}\.? 2026$/ })
      .first(),
  ).toBeVisible(); // "5 nov. 2026"

  // 4. La facture en retard a un lien bleu « Payer maintenant » : le sélectionner.
  const enRetard = grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("cell", { name: "En retard", exact: true }) });
  await expect(enRetard).toHaveCount(1);
  const id = (await enRetard.getByRole("cell").nth(1).innerText()).trim();
  const montantDu = (await enRetard.getByRole("cell").nth(7).innerText()).trim();
  expect(montantDu).toMatch(FRENCH_USD);
  const lien = enRetard.getByRole("link", { name: `Payer maintenant la facture ${id}` });
  await expect(lien).toHaveText("Payer maintenant");
  await lien.click();

  const panneau = page.getByRole("dialog", { name: "Payer maintenant" });
  await expect(panneau.getByText(`Facture ${id}`, { exact: true })).toBeVisible();
  await expect(panneau.getByRole("definition").filter({ hasText: montantDu })).toHaveCount(1);
  await expect(
    panneau.getByText(/^Les paiements par carte sont limités à 50\s000,00\s\$US par facture\.$/),
  ).toBeVisible();

  // 5. « Sélectionner un mode de paiement » ouvre un volet : une liste déroulante des cartes (la carte expirée
  // affichée mais non sélectionnable) et le lien « Ajouter un nouveau mode de paiement » ; la Mastercard enregistrée.
  await panneau.getByRole("button", { name: "Sélectionner un mode de paiement", exact: true }).click();
  const volet = page.getByRole("dialog", { name: "Sélectionner un mode de paiement" });
  await expect(volet.getByRole("combobox", { name: "Cartes enregistrées" })).toBeFocused();
  await expect(volet.getByRole("button", { name: "Ajouter un nouveau mode de paiement" })).toBeVisible();
  await expect(volet.getByRole("option", { name: /^American Express se terminant par 0005/ })).toBeDisabled();
  const mastercard = volet.getByRole("option", { name: /^Mastercard se terminant par 4444, expiration \d{2}\/\d{4}$/ });
  await volet.getByRole("combobox").selectOption((await mastercard.getAttribute("value"))!);
  await volet.getByRole("button", { name: "Sélectionner", exact: true }).click();
  await expect(volet).toHaveCount(0);
  await expect(panneau.getByText(/^Mastercard se terminant par 4444, expiration \d{2}\/\d{4}$/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/french-1-payer-maintenant.png` });

  // 6. « Payer maintenant » : le panneau se ferme et la facture est à l’état Payé.
  await panneau.getByRole("button", { name: "Payer maintenant", exact: true }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const ligne = grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("link", { name: id, exact: true }) });
  await expect(ligne.getByRole("cell").nth(8)).toHaveText("Payé");
  await expect(ligne.getByRole("cell").nth(7)).toHaveText(/^0,00\s\$US$/);
  await expect(ligne.getByRole("link", { name: /Payer maintenant/ })).toHaveCount(0);
  await expect(
    page.getByRole("status").getByText(`Le paiement de ${montantDu} pour la facture ${id} a réussi.`),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/french-2-paye.png` });

  // The portal notification and the receipt, in French too.
  await page.getByRole("button", { name: /^Notifications, \d+ nouvelles?$/ }).click();
  await expect(
    page
      .getByRole("region", { name: "Notifications" })
      .getByRole("listitem")
      .filter({ hasText: "Paiement réussi" })
      .filter({ hasText: id }),
  ).toHaveCount(1);
  await page.keyboard.press("Escape");
  await grid(page).getByRole("link", { name: id, exact: true }).click();
  const details = page.getByRole("dialog", { name: `Facture ${id}` });
  const paiements = details.getByRole("region", { name: "Paiements" });
  await expect(
    paiements.locator("tbody tr").filter({ hasText: "Mastercard •••• 4444" }).filter({ hasText: "Réussi" }),
  ).toHaveCount(1);
  await paiements.getByRole("link", { name: "Reçu" }).click();
  const recu = page.getByRole("dialog", { name: "Reçu de paiement" });
  await expect(recu.getByRole("button", { name: "Imprimer le reçu" })).toBeVisible();
  await expect(recu.getByRole("definition").filter({ hasText: montantDu })).toHaveCount(1);
  expect(centsFr(montantDu)).toBeGreaterThan(0);
});

test("la facture PDF est en français", async ({ page, world }) => {
  await seConnecter(page, world.user("admin").email);
  await page.goto("/billing");
  await expect(page.getByRole("heading", { name: "Contoso Ltd | Vue d’ensemble" })).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/invoices`);
  const ligne = grid(page)
    .locator("tbody tr")
    .filter({ has: page.getByRole("cell", { name: /^72\s450,00\s\$US$/ }) });
  const id = (await ligne.getByRole("cell").nth(1).innerText()).trim();
  // Downloaded by the browser, whose request carries its French Accept-Language.
  // The row's download icon (download-azure-invoice: "the download icon … at the end of the row", then Invoice).
  await ligne.getByRole("button", { name: `Télécharger ${id}` }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("menu", { name: `Télécharger ${id}` })
      .getByRole("menuitem", { name: "Facture" })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe(`Invoice_${id}.pdf`);
  const { text } = await pdfParse(new Uint8Array(await fs.readFile(await download.path())) as unknown as Buffer);
  for (const words of [
    "Facture",
    "Numéro de facture",
    "Date d’échéance",
    "Montant dû",
    "Modalités de paiement",
    "Payez dans le portail Azure",
  ]) {
    expect(text, words).toContain(words);
  }
  expect(text).toMatch(/72 450,00 \$US/);
});

test("le réglage Langue du menu du compte est enregistré sur le compte et revient à la connexion suivante", async ({
  browser,
  world,
}) => {
  // An English browser: the portal is in English until the user chooses French.
  const english = await browser.newContext({ locale: "en-US", baseURL: E2E_BASE_URL });
  const page = await english.newPage();
  await signIn(page, world.user("reader").email);
  await expect(page.getByRole("heading", { name: "Azure services" })).toBeVisible();

  await page.getByRole("button", { name: /^Account manager for / }).click();
  await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "Français" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("heading", { name: "Services Azure" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("button", { name: "Appliquer" })).toBeFocused(); // focus is not lost by the re-render

  // The menu stays open, now in French. Sign out, and in a fresh English browser: signing in brings French back.
  await expect(page.getByRole("button", { name: /^Gestionnaire de compte de / })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  await expect(page.getByRole("combobox", { name: "Langue" })).toHaveValue("fr");
  await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await english.close();

  const another = await browser.newContext({ locale: "en-US", baseURL: E2E_BASE_URL });
  const again = await another.newPage();
  await signIn(again, world.user("reader").email);
  await expect(again.getByRole("heading", { name: "Services Azure" })).toBeVisible();

  // And back to English from the same menu.
  await again.getByRole("button", { name: /^Gestionnaire de compte de / }).click();
  await again.getByRole("combobox", { name: "Langue" }).selectOption({ label: "English" });
  await again.getByRole("button", { name: "Appliquer" }).click();
  await expect(again.getByRole("heading", { name: "Azure services" })).toBeVisible();
  await another.close();
});
