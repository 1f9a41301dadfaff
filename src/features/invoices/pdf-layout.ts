import "server-only";

// The invoice PDF's layout: header, fields, charges, totals, how to pay, footer. Texts arrive translated.

import { PDFDocument, rgb, StandardFonts, type PDFPage } from "pdf-lib";

import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

import { toWinAnsi, wrap } from "./pdf-text";
import type { InvoiceDetails } from "./queries";

/** Every text the PDF prints, already translated (the catalog's "invoices.pdf"). */
export type InvoicePdfTexts = {
  title: string;
  invoiceNumber: string;
  billingAccount: string;
  billingProfile: string;
  invoiceDate: string;
  dueDate: string;
  billingPeriod: string;
  status: string;
  description: string;
  amount: string;
  subtotal: string;
  tax: string;
  total: string;
  amountDue: string;
  howToPay: string;
  payInstructions: string;
  bank: string;
  simulator: string;
  notice?: string;
  period: string;
  statusText: string;
  page: (page: number, pages: number) => string;
};

export type InvoicePdfInput = Pick<
  InvoiceDetails,
  | "id"
  | "invoiceDate"
  | "dueDate"
  | "periodStart"
  | "periodEnd"
  | "currency"
  | "subtotalMinor"
  | "taxMinor"
  | "totalMinor"
  | "amountDueMinor"
  | "pendingMinor"
  | "voided"
> & {
  billingAccount: { id: string; name: string };
  billingProfile: { id: string; name: string };
  lines: { serviceFamily: string; description: string; amountMinor: number }[];
};

const PAGE = { width: 612, height: 792 }; // US Letter, in points
const MARGIN = 56;
const INK = rgb(0.14, 0.14, 0.14);
const MUTED = rgb(0.38, 0.38, 0.38);
const BRAND = rgb(0.06, 0.42, 0.74);
const RULE = rgb(0.82, 0.82, 0.82);

/** Lays the invoice out on as many pages as its lines need. Pure: texts, locale and clock come in. */
export async function buildInvoicePdf(
  invoice: InvoicePdfInput,
  texts: InvoicePdfTexts,
  options: { locale: string; createdAt: Date },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const money = (amountMinor: number) => formatMoney(amountMinor, invoice.currency, options.locale);
  const day = (date: Date) => formatDate(date, options.locale);
  const contentWidth = PAGE.width - 2 * MARGIN;
  const bottom = MARGIN + 36; // room for the footer

  pdf.setTitle(toWinAnsi(`${texts.title} ${invoice.id}`, regular));
  pdf.setSubject(toWinAnsi(`${texts.invoiceNumber} ${invoice.id}`, regular));
  pdf.setAuthor("Microsoft Azure (simulated)");
  pdf.setCreator("Azure billing portal simulator");
  pdf.setProducer("pdf-lib");
  pdf.setCreationDate(options.createdAt);
  pdf.setModificationDate(options.createdAt);

  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - MARGIN;

  const draw = (
    text: string,
    x: number,
    at: number,
    { font = regular, size = 10, color = INK, align = "left" as "left" | "right" } = {},
  ) => {
    const safe = toWinAnsi(text, font);
    const left = align === "right" ? x - font.widthOfTextAtSize(safe, size) : x;
    page.drawText(safe, { x: left, y: at, size, font, color });
  };
  const newPage = () => {
    page = pdf.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - MARGIN;
    draw(`${texts.title} ${invoice.id}`, MARGIN, y, { font: bold, size: 11 });
    y -= 24;
  };
  const ensure = (height: number) => {
    if (y - height < bottom) newPage();
  };
  const paragraph = (text: string, { font = regular, size = 10, color = INK, gap = 4 } = {}) => {
    for (const line of wrap(toWinAnsi(text, font), font, size, contentWidth)) {
      ensure(size + gap);
      draw(line, MARGIN, y, { font, size, color });
      y -= size + gap;
    }
  };
  const rule = () => {
    page.drawLine({
      start: { x: MARGIN, y: y + 4 },
      end: { x: PAGE.width - MARGIN, y: y + 4 },
      thickness: 0.75,
      color: RULE,
    });
  };

  // Header: brand, title and the invoice number.
  draw("Microsoft Azure", MARGIN, y, { font: bold, size: 12, color: BRAND });
  draw(texts.simulator, PAGE.width - MARGIN, y, { size: 8, color: MUTED, align: "right" });
  y -= 34;
  draw(texts.title, MARGIN, y, { font: bold, size: 24 });
  draw(invoice.id, PAGE.width - MARGIN, y, { font: bold, size: 16, align: "right" });
  y -= 28;

  // Summary fields.
  const fields: [string, string, string?][] = [
    [texts.invoiceNumber, invoice.id],
    [texts.billingAccount, invoice.billingAccount.name, invoice.billingAccount.id],
    [texts.billingProfile, invoice.billingProfile.name, invoice.billingProfile.id],
    [texts.invoiceDate, day(invoice.invoiceDate)],
    [texts.dueDate, day(invoice.dueDate)],
    [texts.billingPeriod, texts.period],
    [texts.status, texts.statusText],
  ];
  const labelWidth = 120;
  const valueWidth = contentWidth - labelWidth;
  for (const [label, value, detail] of fields) {
    const lines = wrap(toWinAnsi(value, regular), regular, 10, valueWidth);
    const details = detail ? wrap(toWinAnsi(detail, regular), regular, 8, valueWidth) : [];
    ensure(14 * lines.length + 11 * details.length);
    draw(label, MARGIN, y, { size: 10, color: MUTED });
    for (const line of lines) {
      draw(line, MARGIN + labelWidth, y);
      y -= 14;
    }
    for (const line of details) {
      draw(line, MARGIN + labelWidth, y + 2, { size: 8, color: MUTED });
      y -= 11;
    }
  }
  y -= 14;

  // Charges.
  const amountX = PAGE.width - MARGIN;
  const tableHeader = () => {
    draw(texts.description, MARGIN, y, { font: bold });
    draw(texts.amount, amountX, y, { font: bold, align: "right" });
    y -= 6;
    rule();
    y -= 12;
  };
  ensure(40);
  tableHeader();
  for (const line of invoice.lines) {
    const amount = money(line.amountMinor);
    const descriptionWidth = contentWidth - regular.widthOfTextAtSize(toWinAnsi(amount, regular), 10) - 24;
    const wrapped = wrap(
      toWinAnsi(`${line.serviceFamily} - ${line.description}`, regular),
      regular,
      10,
      descriptionWidth,
    );
    if (y - 14 * wrapped.length < bottom) {
      newPage();
      tableHeader();
    }
    draw(amount, amountX, y, { align: "right" });
    for (const text of wrapped) {
      draw(text, MARGIN, y);
      y -= 14;
    }
  }
  y -= 2;
  rule();
  y -= 14;

  // Totals.
  const totals: [string, string, boolean][] = [
    [texts.subtotal, money(invoice.subtotalMinor), false],
    [texts.tax, money(invoice.taxMinor), false],
    [texts.total, money(invoice.totalMinor), true],
    [texts.amountDue, money(invoice.voided ? 0 : Math.max(0, invoice.amountDueMinor)), true],
  ];
  ensure(16 * totals.length);
  for (const [label, value, strong] of totals) {
    const font = strong ? bold : regular;
    draw(label, amountX - 130, y, { font, align: "right" });
    draw(value, amountX, y, { font, align: "right" });
    y -= 16;
  }
  y -= 12;

  if (texts.notice) {
    paragraph(texts.notice, { font: bold });
    y -= 8;
  }

  // How to pay: the invoice number is the payment reference.
  ensure(40);
  paragraph(texts.howToPay, { font: bold, size: 12 });
  y -= 2;
  paragraph(texts.payInstructions);
  y -= 4;
  paragraph(texts.bank, { color: MUTED, size: 9 });

  // Footer on every page.
  const pages = pdf.getPages();
  pages.forEach((each, index) => {
    const label = toWinAnsi(texts.page(index + 1, pages.length), regular);
    each.drawText(label, {
      x: PAGE.width - MARGIN - regular.widthOfTextAtSize(label, 8),
      y: MARGIN - 20,
      size: 8,
      font: regular,
      color: MUTED,
    });
    each.drawText(toWinAnsi(texts.simulator, regular), {
      x: MARGIN,
      y: MARGIN - 20,
      size: 8,
      font: regular,
      color: MUTED,
    });
  });

  return pdf.save({ useObjectStreams: false });
}
