// Cookie-authenticated writes must come from our own pages (SECURITY.md D17, G34). A browser sends
// Origin on every POST and Sec-Fetch-Site on every request; a write that shows neither is not
// from one of our pages, so it is refused too rather than waved through.

/** Why a cookie-authenticated write is refused, or null when it comes from our own origin. */
export function foreignWriteReason(h: { get(name: string): string | null }): string | null {
  const site = h.get("sec-fetch-site");
  const origin = h.get("origin");
  if (!site && !origin) return "a write needs an Origin or Sec-Fetch-Site header";
  if (site && site !== "same-origin") return "cross-site request refused";
  // "null" (sandboxed frames, file: pages) and anything unparsable count as foreign.
  if (origin && URL.parse(origin)?.host !== h.get("host")) return "cross-origin request refused";
  return null;
}
