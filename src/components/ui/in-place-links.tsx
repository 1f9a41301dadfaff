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
 * A click handler for an element holding plain links: it opens them in place, as next/link
 * would (client navigation, no scroll jump). Downloads, links to another window, links to
 * another site or to a fragment, and clicks with a modifier stay the browser's.
 */
export function useInPlaceLinks(): (event: React.MouseEvent<HTMLElement>) => void {
  const router = useRouter();
  return (event) => {
    const link = event.target instanceof Element ? event.target.closest("a") : null;
    if (!link || !isPlainClick(event) || link.hasAttribute("download") || (link.target && link.target !== "_self"))
      return;
    // Only this site's pages (a relative link is resolved against the page's address).
    const href = link.getAttribute("href");
    if (!href || href.startsWith("#")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(url.pathname + url.search + url.hash, { scroll: false });
  };
}

/**
 * Opens the plain links inside it in place, with one delegated handler instead of a client
 * component per link: a page with many links (the Invoices grid's rows, sort headers and
 * pages; a breadcrumb) renders them as plain `<a>`, which cost the server nothing beyond their
 * markup. Without JavaScript every link still works as a link.
 */
export function InPlaceLinks({ children, className }: { children: ReactNode; className?: string }) {
  const onClick = useInPlaceLinks();
  return (
    // A delegated handler: the links inside are the interactive elements, each with its own role and keyboard.
    <div className={className} onClick={onClick}>
      {children}
    </div>
  );
}
