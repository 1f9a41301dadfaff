"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";

/** A click the browser should keep: another button, a modifier (new tab, new window), or already handled. */
function isPlainClick(event: React.MouseEvent) {
  return !(
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey ||
    event.defaultPrevented
  );
}

/**
 * Opens the plain links inside it in place, as next/link would (client navigation, no scroll
 * jump), with one delegated handler instead of a client component per link: a page with many
 * links (the Invoices grid's rows, sort headers and pages) renders them as plain `<a>`, which
 * cost the server nothing beyond their markup. Downloads, links to another window and clicks
 * with a modifier stay the browser's; without JavaScript every link still works as a link.
 */
export function InPlaceLinks({ children, className }: { children: ReactNode; className?: string }) {
  const router = useRouter();
  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const link = event.target instanceof Element ? event.target.closest("a") : null;
    if (!link || !isPlainClick(event) || link.hasAttribute("download") || (link.target && link.target !== "_self"))
      return;
    // Only this site's pages (a relative link is resolved against the page's address); another
    // origin or a link to a fragment of this page is left alone.
    if (!link.getAttribute("href") || link.getAttribute("href")!.startsWith("#")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(url.pathname + url.search + url.hash, { scroll: false });
  };
  return (
    // A delegated handler: the links inside are the interactive elements, each with its own role and keyboard.
    <div className={className} onClick={onClick}>
      {children}
    </div>
  );
}
