// Text as a reader sees it, for comparing pages and command output with plain strings: French
// typography's no-break spaces become spaces, and the quotes HTML escapes come back.
export function plain(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, " ")
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"');
}
