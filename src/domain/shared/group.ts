// Grouping rows by a key in one pass, so that read models attach children or count per owner
// without searching a list once per row; and the French order of names, with one collator.

/** Rows grouped by a key, each group in the order the rows came. */
export function groupBy<T, K>(rows: Iterable<T>, key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const french = new Intl.Collator("fr");

/**
 * Compares two names as French readers order them: the same order as `a.localeCompare(b, "fr")`,
 * through one collator made once (localeCompare with a locale builds one per call, which
 * dominates sorting thousands of partners).
 */
export function compareFr(a: string, b: string): number {
  return french.compare(a, b);
}
