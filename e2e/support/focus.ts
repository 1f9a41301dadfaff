import type { Page } from "@playwright/test";

/**
 * The focused element's start tag when it shows no focus indicator (neither an
 * outline of at least 1px nor a box-shadow); null when focus is visible or on the body.
 */
export async function focusWithoutIndicator(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const visible =
      (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== "none";
    return visible ? null : element.outerHTML.slice(0, 120);
  });
}
