// Loads the demo's health world through the health imports, as a DHIS2 export would come in: the
// metadata in one transaction, the values through the data import (staged, merged, rolled up),
// then what an export does not carry — English names, which indicators are public, baselines
// and targets — in one audited transaction. Loading it twice changes nothing.

import type { Database } from "../../db/connect.ts";
import { findIndicator, saveEnglishNames, setIndicatorPublic } from "../../db/health/catalogue.ts";
import { saveTargets } from "../../db/health/targets.ts";
import { recordAudit } from "../../db/shared/audit.ts";
import { importDataValues } from "../../services/health/data-import.ts";
import { importMetadata } from "../../services/health/metadata-import.ts";
import { demoMetadata, demoRecords, ELEMENTS, INDICATORS, LEVELS, TARGETS } from "./index.ts";

export interface HealthDemoReport {
  loaded: boolean;
  units: number;
  values: number;
  indicators: number;
}

const BATCH = 5000;

async function* batches<T>(rows: readonly T[]): AsyncGenerator<readonly T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH);
}

/** True when no organisation unit is stored: the health part holds nothing yet. */
export async function healthIsEmpty(database: Pick<Database, "db">): Promise<boolean> {
  const row = await database.db.selectFrom("org_units").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/** Imports the health world; the caller has emptied or checked the health tables first. */
export async function loadHealthWorld(
  database: Database,
  actor: string,
): Promise<HealthDemoReport> {
  const metadata = demoMetadata();
  async function* items() {
    yield* metadata;
  }
  const meta = await importMetadata(database, {
    items: items(),
    actor,
    fileHash: null,
    dryRun: false,
  });
  if (meta.rejected.length > 0)
    throw new Error(`demo health metadata refused: ${JSON.stringify(meta.rejected.slice(0, 3))}`);
  const records = demoRecords();
  const values = await importDataValues(database, {
    batches: batches(records),
    actor,
    source: "demo",
    fileHash: null,
    dryRun: false,
  });
  if (values.rejected.length > 0)
    throw new Error(`demo health values refused: ${JSON.stringify(values.rejected.slice(0, 3))}`);

  await database.db.transaction().execute(async (trx) => {
    await saveEnglishNames(trx, {
      levels: LEVELS.map((l) => ({ level: l.level, nameEn: l.name.en ?? l.name.fr })),
      dataElements: ELEMENTS.map((e) => ({ uid: e.uid, nameEn: e.name.en ?? e.name.fr })),
      indicators: INDICATORS.map((i) => ({ uid: i.uid, nameEn: i.name.en ?? i.name.fr })),
    });
    for (const i of INDICATORS) {
      const row = await findIndicator(trx, i.uid);
      if (!row || row.isPublic === i.isPublic) continue;
      await setIndicatorPublic(trx, row.id, i.isPublic);
      await recordAudit(trx, {
        actor,
        action: "update",
        entity: "health_indicator",
        entityId: i.uid,
        before: { isPublic: row.isPublic },
        after: { isPublic: i.isPublic },
      });
    }
    if ((await saveTargets(trx, TARGETS)) > 0)
      await recordAudit(trx, {
        actor,
        action: "update",
        entity: "health_indicator_targets",
        entityId: "demo",
        after: TARGETS,
      });
  });
  return {
    loaded: true,
    units: metadata.filter((m) => m.kind === "organisationUnit").length,
    values: records.length,
    indicators: INDICATORS.length,
  };
}
