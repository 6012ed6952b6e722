// What the report's annexes compute from the cycle's rows: response rates (asked vs answered),
// quantified outputs under a normalised unit, and the outputs likely counted twice.

/** A unit as typed, made comparable: one spacing, lower case, currency codes in capitals. */
export function normaliseUnit(unit: string): string {
  const plain = unit
    .normalize("NFC")
    .trim()
    .replace(/\s+/g, " ")
    .replace(/[.;:,]+$/, "");
  return plain
    .split(" ")
    .map((word) => (/^(fcfa|xof|usd|eur|%)$/i.test(word) ? word.toUpperCase() : word.toLowerCase()))
    .join(" ");
}

export interface OutputRow {
  partnerId: number;
  indicatorId: number;
  value: number;
  unit: string;
}

/** The key two outputs share when they are the same figure of the same partner. */
export function outputKey(o: Pick<OutputRow, "partnerId" | "value" | "unit">): string {
  return `${o.partnerId}|${o.value}|${normaliseUnit(o.unit)}`;
}

/**
 * Outputs likely counted twice: one partner giving the same value in the same (normalised)
 * unit under two indicators or more. Returns, per key, the indicators it appears under.
 */
export function likelyDoubleCounts(rows: readonly OutputRow[]): Map<string, number[]> {
  const under = new Map<string, Set<number>>();
  for (const r of rows) {
    const key = outputKey(r);
    const set = under.get(key) ?? new Set<number>();
    set.add(r.indicatorId);
    under.set(key, set);
  }
  const out = new Map<string, number[]>();
  for (const [key, set] of under)
    if (set.size > 1)
      out.set(
        key,
        [...set].sort((a, b) => a - b),
      );
  return out;
}

export interface Rate {
  asked: number;
  answered: number;
}

export interface Pair {
  partnerId: number;
  indicatorId: number;
}

/**
 * Organisations asked vs answered, per indicator and per partner: a partner asked about an
 * indicator has answered when it sent an answer (contributing or not) that counts.
 */
export function responseRates(
  asked: readonly Pair[],
  answered: readonly Pair[],
): {
  byIndicator: Map<number, Rate>;
  byPartner: Map<number, Rate>;
  partners: { asked: Set<number>; answered: Set<number> };
} {
  const done = new Set(answered.map((a) => `${a.partnerId}:${a.indicatorId}`));
  const byIndicator = new Map<number, Rate>();
  const byPartner = new Map<number, Rate>();
  const partners = { asked: new Set<number>(), answered: new Set<number>() };
  const seen = new Set<string>();
  for (const a of asked) {
    const key = `${a.partnerId}:${a.indicatorId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const yes = done.has(key) ? 1 : 0;
    const i = byIndicator.get(a.indicatorId) ?? { asked: 0, answered: 0 };
    byIndicator.set(a.indicatorId, { asked: i.asked + 1, answered: i.answered + yes });
    const p = byPartner.get(a.partnerId) ?? { asked: 0, answered: 0 };
    byPartner.set(a.partnerId, { asked: p.asked + 1, answered: p.answered + yes });
    partners.asked.add(a.partnerId);
    if (yes) partners.answered.add(a.partnerId);
  }
  return { byIndicator, byPartner, partners };
}
