// An indicator's baselines and targets for one organisation unit: where it stood in a period and
// where it aims to be (domain/health/indicators.ts draws the line between them).
import { sql } from "kysely";
import type { TargetKind } from "../../domain/health/data-values.ts";
import type { Executor } from "../shared/audit.ts";

export interface TargetInput {
  /** The indicator's uid or code. */
  indicator: string;
  /** The unit's uid or code. */
  orgUnit: string;
  kind: TargetKind;
  period: string;
  value: number;
}

/** Saves baselines and targets (a new value replaces the stored one); returns how many changed. */
export async function saveTargets(db: Executor, targets: readonly TargetInput[]): Promise<number> {
  let changed = 0;
  for (const t of targets) {
    const rows = await db
      .insertInto("health_indicator_targets")
      .columns(["indicator_id", "org_unit_id", "kind", "period", "value"])
      .expression(
        db
          .selectFrom("health_indicators as i")
          .crossJoin("org_units as u")
          .select([
            "i.id",
            "u.id",
            sql.lit(t.kind).as("kind"),
            sql.val(t.period).as("period"),
            sql.val(t.value).as("value"),
          ])
          .where((w) => w.or([w("i.uid", "=", t.indicator), w("i.code", "=", t.indicator)]))
          .where((w) => w.or([w("u.uid", "=", t.orgUnit), w("u.code", "=", t.orgUnit)]))
          .limit(1),
      )
      .onConflict((oc) =>
        oc
          .columns(["indicator_id", "org_unit_id", "kind", "period"])
          .doUpdateSet({ value: sql.ref("excluded.value") })
          .where(sql<boolean>`health_indicator_targets.value is distinct from excluded.value`),
      )
      .executeTakeFirst();
    changed += Number(rows.numInsertedOrUpdatedRows ?? 0);
  }
  return changed;
}
