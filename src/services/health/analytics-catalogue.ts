// The catalogue an analytics query resolves its items with (data elements, option combos,
// constants, indicators), kept between queries for as long as the database's change feed
// (db/changes.ts) says nothing was committed since it was read. A server makes one from the feed
// its page cache follows and hands it to the queries that may use it; without one, each query
// reads the catalogue itself. The feed moves on every committed write to a table pages read
// (values included), so a kept catalogue is only ever the one of a version no write has passed;
// while the feed cannot be trusted (version null) nothing is kept.
import type { AnalyticsCatalogue } from "../../db/health/analytics-lookups.ts";

/** What the cache needs of a change feed: see ChangeFeed in src/db/changes.ts. */
export interface CatalogueVersion {
  version(): number | null;
}

export class AnalyticsCatalogueCache {
  readonly #changes: CatalogueVersion;
  #kept: { version: number; catalogue: AnalyticsCatalogue } | null = null;

  constructor(changes: CatalogueVersion) {
    this.#changes = changes;
  }

  /** The version a catalogue read now would be kept under; null: do not keep it. */
  version(): number | null {
    return this.#changes.version();
  }

  /** The catalogue kept at this version, if any. */
  get(version: number): AnalyticsCatalogue | null {
    const kept = this.#kept;
    if (!kept) return null;
    if (kept.version === version) return kept.catalogue;
    this.#kept = null;
    return null;
  }

  /**
   * Keeps a catalogue read after `version` was taken: a write committed meanwhile moves the
   * version, so it is never served past that write.
   */
  set(version: number, catalogue: AnalyticsCatalogue): void {
    const now = this.#changes.version();
    if (now === version) this.#kept = { version, catalogue };
  }
}
