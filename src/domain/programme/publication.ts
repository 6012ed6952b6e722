// A programme's public address: a slug made from its name (accents dropped, lower case, words
// joined by "-", at most 64 characters), and the next free one when it is taken.
export const SLUG_MAX = 64;

/** "Déploiement des sages-femmes" -> "deploiement-des-sages-femmes"; "programme" when empty. */
export function programmeSlug(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
  return base === "" ? "programme" : base;
}

/** The slug itself when free, else "slug-2", "slug-3"… kept within SLUG_MAX. */
export function freeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${slug.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
