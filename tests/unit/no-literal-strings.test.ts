// Every word a user sees comes from the message catalogs (src/i18n/messages),
// so the French portal has no English left in it. This scans every component
// (src/**/*.tsx) with the TypeScript parser for text written into JSX:
//   - text between tags with a letter in it:            <p>Pay now</p>
//   - a string in braces among the children:            <p>{"Pay now"}</p>, {busy ? "Wait" : t("x")}
//   - a string in an attribute a user reads or hears:   aria-label="Close", placeholder={`Search ${x}`}
// Symbols without letters ("•••• ", "|", "·", "→") are not words and pass.
import fs from "node:fs";
import path from "node:path";

import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const srcDir = path.join(root, "src");

/** Attributes whose text is shown or announced: the HTML/ARIA ones, and our components' label/title/message props. */
const TEXT_ATTRIBUTE =
  /^(aria-(label|description|placeholder|roledescription|valuetext)|placeholder|title|subtitle|alt|label|message|\w+(Label|Title|Message))$/;

/**
 * Literal texts allowed in a file, each with the reason it is not translated.
 * Keep it short: anything a user reads as a sentence belongs in the catalogs.
 */
const ALLOWED: { file: string; text: string; why: string }[] = [
  {
    file: "src/app/(bare)/bench-floor/page.tsx",
    text: "Framework floor",
    why: "the benchmark's bare page (docs/performance.md): no portal shell, so no catalogs; no user is sent there",
  },
];

const hasLetter = (text: string) => /\p{L}/u.test(text);

type Finding = { file: string; line: number; text: string; where: string };

/** The user-visible literal texts of one TSX source. */
function literalTexts(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const clean = text.replace(/\s+/g, " ").trim();
    if (!hasLetter(clean)) return;
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: clean, where });
  };

  /** Strings an expression evaluates to directly: literals, template text, both branches of ?:, the right of && / || / ??. */
  const strings = (expression: ts.Expression | undefined, where: string) => {
    if (!expression) return;
    if (ts.isParenthesizedExpression(expression)) return strings(expression.expression, where);
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression))
      return report(expression, expression.text, where);
    if (ts.isTemplateExpression(expression)) {
      return report(
        expression,
        [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(" "),
        where,
      );
    }
    if (ts.isConditionalExpression(expression)) {
      strings(expression.whenTrue, where);
      return strings(expression.whenFalse, where);
    }
    if (
      ts.isBinaryExpression(expression) &&
      [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(
        expression.operatorToken.kind,
      )
    ) {
      if (expression.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken) strings(expression.left, where);
      return strings(expression.right, where);
    }
  };

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, "text");
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)))
      strings(node.expression, "text");
    else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      if (TEXT_ATTRIBUTE.test(name) && node.initializer) {
        if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text, name);
        else if (ts.isJsxExpression(node.initializer)) strings(node.initializer.expression, name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function componentFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : componentFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

describe("no literal user-visible strings in components", () => {
  const files = componentFiles(srcDir);

  it("finds the components to scan", () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it("every text in src/**/*.tsx comes from the catalogs (or is on the short allow-list)", () => {
    const findings = files.flatMap((file) => literalTexts(path.relative(root, file), fs.readFileSync(file, "utf8")));
    const unexpected = findings.filter(
      (finding) => !ALLOWED.some((allowed) => allowed.file === finding.file && allowed.text === finding.text),
    );
    expect(unexpected.map((f) => `${f.file}:${f.line} ${f.where}: "${f.text}"`)).toEqual([]);
  });

  it("the allow-list has no stale entries", () => {
    const findings = files.flatMap((file) => literalTexts(path.relative(root, file), fs.readFileSync(file, "utf8")));
    const stale = ALLOWED.filter(
      (allowed) => !findings.some((finding) => finding.file === allowed.file && finding.text === allowed.text),
    );
    expect(stale).toEqual([]);
  });
});

describe("the scan itself", () => {
  const scan = (tsx: string) => literalTexts("x.tsx", tsx).map((f) => `${f.where}: ${f.text}`);

  it("reports text between tags, strings among children and in text attributes", () => {
    expect(
      scan(
        `export const A = () => <div title="Hello" aria-label={"Close it"}><p>Pay now</p>{"Loading"}{busy ? "Wait" : t("x")}{ok && "Done"}<input placeholder={\`Search \${q}\`} /><Blade subtitle="Invoice" closeLabel="Close" /></div>;`,
      ),
    ).toEqual([
      "title: Hello",
      "aria-label: Close it",
      "text: Pay now",
      "text: Loading",
      "text: Wait",
      "text: Done",
      "placeholder: Search",
      "subtitle: Invoice",
      "closeLabel: Close",
    ]);
  });

  it("lets through translations, symbols, class names and non-text attributes", () => {
    expect(
      scan(
        `export const A = () => <div className="flex gap-2" id="main" data-x="abc"><p>{t("title")}</p> | {" "}<span>•••• {last4}</span><a href="/billing" rel="noreferrer">{name}</a>→</div>;`,
      ),
    ).toEqual([]);
  });
});
