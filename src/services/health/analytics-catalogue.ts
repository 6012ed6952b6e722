// The catalogue an analytics query resolves its items with (data elements, option combos,
// constants, indicators) and the units its `ou` items named, kept between queries for as long as
// the database's change feed (db/changes.ts) says nothing was committed since they were read. A
// server makes one from the feed its page cache follows and hands it to the queries that may use
// it; without one, each query reads them itself. The feed moves on every committed write to a
// table pages read (values included), so what is kept is only ever what a read at a version no
// write has passed returned; while the feed cannot be trusted (version null) nothing is kept.
import type { AnalyticsCatalogue, QueryUnits } from "../../db/health/analytics-lookups.ts";

/** What the cache needs of a change feed: see ChangeFeed in src/db/changes.ts. */
export interface CatalogueVersion {
  version(): number | null;
}

/** At most this many units kept over every `ou` choice (a national tree's facilities fit). */
const MAX_UNITS = 20_000;
/** At most this many `ou` choices kept. */
const MAX_CHOICES = 256;

export class AnalyticsCatalogueCache {
  readonly #changes: CatalogueVersion;
  #kept: { version: number; catalogue: AnalyticsCatalogue } | null = null;
  // The units of each `ou` choice read at the kept catalogue's version, least recently used first.
  readonly #units = new Map<string, QueryUnits>();
  #unitCount = 0;

  constructor(changes: CatalogueVersion) {
    this.#changes = changes;
  }

  /** The version a read now would be kept under; null: do not keep it. */
  version(): number | null {
    return this.#changes.version();
  }

  /** The catalogue kept at this version, if any. */
  get(version: number): AnalyticsCatalogue | null {
    const kept = this.#kept;
    if (!kept) return null;
    if (kept.version === version) return kept.catalogue;
    this.#drop();
    return null;
  }

  /**
   * Keeps a catalogue read after `version` was taken: a write committed meanwhile moves the
   * version, so it is never served past that write.
   */
  set(version: number, catalogue: AnalyticsCatalogue): void {
    if (this.#changes.version() !== version) return;
    if (this.#kept?.version !== version) this.#drop();
    this.#kept = { version, catalogue };
  }

  /** The units an `ou` choice (`key`) resolved to at this version, if kept. */
  units(version: number, key: string): QueryUnits | null {
    if (this.#kept?.version !== version) return null;
    const units = this.#units.get(key);
    if (!units) return null;
    this.#units.delete(key);
    this.#units.set(key, units);
    return units;
  }

  /** Keeps the units of an `ou` choice read after `version` was taken, beside its catalogue. */
  setUnits(version: number, key: string, units: QueryUnits): void {
    if (this.#kept?.version !== version || this.#changes.version() !== version) return;
    const size = units.named.size + units.inside.length;
    if (size > MAX_UNITS / 4) return;
    const old = this.#units.get(key);
    if (old) this.#forget(key, old);
    this.#units.set(key, units);
    this.#unitCount += size;
    for (const [oldest, kept] of this.#units) {
      if (this.#unitCount <= MAX_UNITS && this.#units.size <= MAX_CHOICES) break;
      this.#forget(oldest, kept);
    }
  }

  #forget(key: string, units: QueryUnits): void {
    this.#units.delete(key);
    this.#unitCount -= units.named.size + units.inside.length;
  }

  #drop(): void {
    this.#kept = null;
    this.#units.clear();
    this.#unitCount = 0;
  }
}
