/** `href` with more query parameters: `?` or `&` as `href` already has a query or not. */
export function withQuery(href: string, params: Record<string, string>): string {
  return `${href}${href.includes("?") ? "&" : "?"}${new URLSearchParams(params)}`;
}
