/**
 * A bounded memo for Intl formatters and what they write. Building an
 * Intl.NumberFormat or DateTimeFormat costs ~100 µs (ICU data lookups); using one
 * costs ~1 µs, and a grid page formats dozens of amounts and dates. Keys come from
 * ISO codes, the product's locales and fixed styles, so the bound is only a safety
 * net; once full, values are made and not kept.
 */
const MAX_CACHED = 256;

export function remember<K, V>(cache: Map<K, V>, key: K, make: () => V, max = MAX_CACHED): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const value = make();
  if (cache.size < max) cache.set(key, value);
  return value;
}
