// Where a user-supplied `next` may send the browser: only a path on this site. The value is
// parsed as a URL against a placeholder origin rather than checked by prefix, because browsers
// drop tabs and line breaks and read backslashes as slashes ("/\t/evil" is "//evil").

/** Longer targets are refused: no page of ours has a path this long. */
export const MAX_REDIRECT_LENGTH = 1000;

const BASE = "http://jalon.invalid";
/** Control characters (tab, CR, LF, NUL…), DEL and backslashes never appear in a path we link to. */
function hasForbidden(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/** The same-origin path (with query and fragment) to redirect to, or null when unsafe. */
export function sameOriginPath(value: string | null | undefined): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_REDIRECT_LENGTH)
    return null;
  if (hasForbidden(value)) return null;
  // A relative path, not a scheme ("javascript:"), nor a network path ("//host").
  if (value[0] !== "/" || value[1] === "/") return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search + url.hash;
  // What the URL parser made of it must still read as a path on this site.
  if (!path.startsWith("/") || path.startsWith("//")) return null;
  return path;
}

/** The path to redirect to after an action, or `fallback` when `next` is missing or unsafe. */
export function redirectTarget(next: string | null | undefined, fallback = "/"): string {
  return sameOriginPath(next) ?? fallback;
}
