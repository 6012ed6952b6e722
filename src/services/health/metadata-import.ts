// Importing DHIS2 metadata: category combos and option combos (with the category and option codes
// ADX names them by), data elements, organisation units and their levels, indicator types and
// indicators. Everything is saved in one transaction, matched by uid then code; a second import
// of the same file writes nothing. Refused items come back with their collection, place and reason.

import type { Database } from "../../db/connect.ts";
import {
  saveCombos,
  saveDataElements,
  saveIndicators,
  saveOptionCombos,
} from "../../db/health/catalogue.ts";
import { saveLevels, saveOrgUnits, storedUnitUids } from "../../db/health/org-units.ts";
import type { Executor } from "../../db/shared/audit.ts";
import { finishBatch, startBatch } from "../../db/shared/import-batches.ts";
import { aggregationOf, isValueType } from "../../domain/health/data-values.ts";
import { parseExpression } from "../../domain/health/expressions.ts";
import { checkUnits, type ImportedUnit } from "../../domain/health/org-units.ts";
import type { ImportSummary, Rejection } from "../../domain/shared/import-summary.ts";
import { adxCombos, type MetadataItem } from "../../importers/health/dhis2/metadata/map.ts";

/** The items an import takes, for callers that build metadata rather than read a file. */
export type { MetadataItem };

export interface MetadataRejection extends Rejection {
  collection: string;
  id: string | null;
}

export interface MetadataSummary extends ImportSummary<MetadataRejection> {
  /** Counts per kind of item: organisationUnit, dataElement… */
  byKind: Record<string, { imported: number; updated: number; ignored: number }>;
}

type Of<K extends MetadataItem["kind"]> = Extract<MetadataItem, { kind: K }>;

export async function importMetadata(
  database: Database,
  input: {
    items: AsyncIterable<MetadataItem>;
    actor: string;
    fileHash: string | null;
    dryRun: boolean;
  },
): Promise<MetadataSummary> {
  const all: MetadataItem[] = [];
  for await (const item of input.items) all.push(item);
  const of = <K extends MetadataItem["kind"]>(kind: K) =>
    all.filter((i): i is Of<K> => i.kind === kind);
  const summary: MetadataSummary = {
    imported: 0,
    updated: 0,
    ignored: 0,
    rejected: [],
    byKind: {},
  };
  const reject = (collection: string, index: number, id: string | null, reason: string) =>
    summary.rejected.push({ row: index + 1, collection, id, reason });
  for (const s of of("skipped")) reject(s.collection, s.index, null, s.reason);
  const count = (kind: string, saved: { inserted: number; updated: number; unchanged: number }) => {
    summary.byKind[kind] = {
      imported: saved.inserted,
      updated: saved.updated,
      ignored: saved.unchanged,
    };
    summary.imported += saved.inserted;
    summary.updated += saved.updated;
    summary.ignored += saved.unchanged;
  };

  // Option combos keyed by category and option codes, as ADX names a disaggregation.
  const optionsOf = new Map<string, Readonly<Record<string, string>>>();
  for (const combo of adxCombos(all))
    for (const oc of combo.optionCombos) optionsOf.set(oc.id, oc.options);

  const elements = of("dataElement").flatMap((e, i) => {
    const type = e.valueType ?? "NUMBER";
    if (!isValueType(type)) {
      reject("dataElements", i, e.id, "value_type_unsupported");
      return [];
    }
    return [
      {
        uid: e.id,
        code: e.code,
        name: e.name ?? e.code ?? e.id,
        shortName: e.shortName,
        valueType: type,
        aggregation: aggregationOf(e.aggregationType),
        combo: e.categoryCombo ? { uid: e.categoryCombo, code: null } : null,
      },
    ];
  });

  const factors = new Map(of("indicatorType").map((t) => [t.id, t.number ? 1 : (t.factor ?? 1)]));
  const indicators = of("indicator").flatMap((ind, i) => {
    const numerator = parseExpression(ind.numerator ?? "");
    const denominator = parseExpression(ind.denominator ?? "");
    const bad = !numerator.ok ? numerator : !denominator.ok ? denominator : null;
    if (bad && !bad.ok) {
      reject("indicators", i, ind.id, `expression_${bad.error.code}`);
      return [];
    }
    return [
      {
        uid: ind.id,
        code: ind.code,
        name: ind.name ?? ind.code ?? ind.id,
        numerator: ind.numerator ?? "",
        denominator: ind.denominator ?? "",
        numeratorDescription: ind.numeratorDescription,
        denominatorDescription: ind.denominatorDescription,
        factor: (ind.indicatorType ? factors.get(ind.indicatorType) : undefined) ?? 1,
        decimals: ind.decimals,
      },
    ];
  });

  const units = of("organisationUnit");
  const run = async (trx: Executor) => {
    const stored = await storedUnitUids(trx);
    const listed = new Set(units.map((u) => u.id));
    // A parent already stored counts as placed: the file may bring only part of the tree.
    const check = checkUnits(
      units.map(
        (u): ImportedUnit => ({
          uid: u.id,
          code: u.code,
          name: u.name ?? u.id,
          parentUid: u.parent && !listed.has(u.parent) && stored.has(u.parent) ? null : u.parent,
        }),
      ),
    );
    for (const r of check.rejected)
      reject("organisationUnits", r.index, r.unit.uid, r.problems.map((p) => p.code).join(","));
    const byUid = new Map(units.map((u) => [u.id, u]));
    const placed = check.accepted.map((a) => byUid.get(a.uid) as Of<"organisationUnit">);

    count(
      "categoryCombo",
      await saveCombos(
        trx,
        of("categoryCombo").map((c) => ({
          uid: c.id,
          code: c.code,
          name: c.name ?? c.id,
          isDefault: (c.name ?? "").toLowerCase() === "default",
        })),
      ),
    );
    count(
      "categoryOptionCombo",
      await saveOptionCombos(
        trx,
        of("categoryOptionCombo").map((c) => ({
          uid: c.id,
          code: c.code,
          name: c.name ?? c.id,
          combo: c.categoryCombo ? { uid: c.categoryCombo, code: null } : null,
          options: { ...(optionsOf.get(c.id) ?? {}) },
          isDefault: (c.name ?? "").toLowerCase() === "default",
        })),
      ),
    );
    count("dataElement", await saveDataElements(trx, elements));
    const savedUnits = await saveOrgUnits(
      trx,
      placed.map((u) => ({
        uid: u.id,
        code: u.code,
        name: u.name ?? u.id,
        shortName: u.shortName,
        parent: u.parent ? { uid: u.parent, code: null } : null,
        openingDate: u.openingDate?.slice(0, 10) ?? null,
        closedDate: u.closedDate?.slice(0, 10) ?? null,
        geometry: u.geometry,
      })),
    );
    count("organisationUnit", savedUnits);
    const levels = of("organisationUnitLevel").map((l) => ({
      level: l.level,
      name: l.name ?? String(l.level),
      uid: l.id,
    }));
    count("organisationUnitLevel", await saveLevels(trx, levels));
    count("indicator", await saveIndicators(trx, indicators));
    const changed = summary.imported + summary.updated > 0;
    const batch = await startBatch(trx, {
      source: "dhis2_metadata",
      actor: input.actor,
      fileHash: input.fileHash,
      scope: null,
    });
    await finishBatch(trx, batch, {
      counts: {
        inserted: summary.imported,
        updated: summary.updated,
        unchanged: summary.ignored,
        rejected: summary.rejected.length,
      },
      written: summary.byKind,
      audit: changed,
    });
  };
  await database.db
    .transaction()
    .execute(async (trx) => {
      await run(trx);
      if (input.dryRun) throw new DryRunDone();
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRunDone)) throw error;
    });
  return summary;
}

class DryRunDone {}
