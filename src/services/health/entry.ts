// Data entry for facilities without DHIS2 access: one facility × one month on a form that works
// on a phone. Saving goes through the same checks, merge and roll-ups as a file import (source
// "entry"); a refused field keeps what was typed with its reason; warnings (a value far outside
// the facility's history, a numerator above its denominator) are shown but never refuse.

import { defaultOptionCombo, indicatorFormulas } from "../../db/health/catalogue.ts";
import {
  type EntryElement,
  type EntryUnit,
  entryElements,
  entryUnits,
  entryValues,
  unitHistory,
} from "../../db/health/entry.ts";
import {
  type EntryWarning,
  numeratorsAboveDenominators,
  outsideHistory,
} from "../../domain/health/entry-checks.ts";
import type { IntakeRefusal } from "../../domain/health/intake.ts";
import { type Period, parsePeriod, previousPeriod } from "../../domain/health/periods.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { actorLabel } from "../../domain/shared/policy.ts";
import { authorise } from "../shared/access.ts";
import type { Database, Db } from "../shared/db.ts";
import { importDataValues, type ReadValue } from "./data-import.ts";

export interface EntryForm {
  units: EntryUnit[];
  unit: EntryUnit | null;
  period: Period | null;
  elements: (EntryElement & { values: Record<string, string> })[];
}

/** The field of one element and combo in the form. */
export const fieldName = (elementKey: string, comboKey: string) => `v.${elementKey}.${comboKey}`;

export async function entryForm(
  db: Db,
  actor: Actor,
  choice: { ou: string; pe: string },
  typed: Record<string, string> = {},
): Promise<EntryForm> {
  authorise(actor, "health.write");
  const units = await entryUnits(db);
  const unit = units.find((u) => u.key === choice.ou) ?? null;
  const parsed = parsePeriod(choice.pe);
  const period = parsed && parsed.type === "Monthly" ? parsed : null;
  if (!unit || !period) return { units, unit, period, elements: [] };
  const elements = await entryElements(db, await defaultOptionCombo(db));
  const stored = await entryValues(db, unit.id, period.id);
  return {
    units,
    unit,
    period,
    elements: elements.map((e) => ({
      ...e,
      values: Object.fromEntries(
        e.combos.map((c) => {
          const name = fieldName(e.key, c.key);
          const value = stored.get(`${e.id}|${c.id}`);
          return [name, typed[name] ?? (value === undefined ? "" : String(value))];
        }),
      ),
    })),
  };
}

export interface EntryResult {
  form: EntryForm;
  /** Refused fields and why; nothing was stored when there is one. */
  errors: Record<string, IntakeRefusal>;
  saved: { imported: number; updated: number; deleted: number } | null;
  warnings: EntryWarning[];
}

/**
 * Saves the typed values: every field checked first, and nothing stored if one is refused; an
 * emptied field deletes its value. Returns the form as saved, with warnings.
 */
export async function saveEntry(
  database: Database,
  actor: Actor,
  choice: { ou: string; pe: string },
  typed: Record<string, string>,
): Promise<EntryResult> {
  const form = await entryForm(database.db, actor, choice);
  if (!form.unit || !form.period) return { form, errors: {}, saved: null, warnings: [] };
  const { unit, period } = form;
  const records: (ReadValue & { field: string })[] = [];
  for (const e of form.elements)
    for (const c of e.combos) {
      const name = fieldName(e.key, c.key);
      const now = (typed[name] ?? "").trim();
      const before = form.elements.find((x) => x.id === e.id)?.values[name] ?? "";
      if (now === before.trim()) continue;
      records.push({
        field: name,
        line: records.length + 1,
        dataElement: e.key,
        period: period.id,
        orgUnit: unit.key,
        categoryOptionCombo: c.key,
        attributeOptionCombo: null,
        value: now === "" ? null : now,
        comment: null,
        followUp: false,
        deleted: now === "",
        storedBy: actorLabel(actor),
        created: null,
        lastUpdated: null,
      });
    }
  const batches = async function* () {
    yield records;
  };
  // A first pass checks every field; only a form with no refused field is stored.
  const check = await importDataValues(database, {
    batches: batches(),
    actor: actorLabel(actor),
    source: "entry",
    fileHash: null,
    dryRun: true,
  });
  const errors: Record<string, IntakeRefusal> = {};
  for (const r of check.rejected) {
    const field = records[r.row - 1]?.field;
    if (field) errors[field] = r.reason;
  }
  if (Object.keys(errors).length > 0)
    return {
      form: await entryForm(database.db, actor, choice, typed),
      errors,
      saved: null,
      warnings: [],
    };
  const summary =
    records.length === 0
      ? { imported: 0, updated: 0, deleted: 0 }
      : await importDataValues(database, {
          batches: batches(),
          actor: actorLabel(actor),
          source: "entry",
          fileHash: null,
          scope: { orgUnit: unit.key, period: period.id },
          dryRun: false,
        });
  const after = await entryForm(database.db, actor, choice);
  return {
    form: after,
    errors: {},
    saved: { imported: summary.imported, updated: summary.updated, deleted: summary.deleted },
    warnings: await warningsFor(database.db, after, unit, period),
  };
}

async function warningsFor(
  db: Db,
  form: EntryForm,
  unit: EntryUnit,
  period: Period,
): Promise<EntryWarning[]> {
  const months = Array.from({ length: 12 }, (_, i) => previousPeriod(period, i + 1).id);
  const history = await unitHistory(db, unit.id, months);
  const warnings: EntryWarning[] = [];
  const entered = new Map<string, number>();
  for (const e of form.elements)
    for (const c of e.combos) {
      const text = e.values[fieldName(e.key, c.key)] ?? "";
      if (text === "") continue;
      const value = Number(text);
      entered.set(e.key, (entered.get(e.key) ?? 0) + value);
      const m = outsideHistory(value, history.get(`${e.id}|${c.id}`) ?? []);
      if (m !== null)
        warnings.push({
          code: "outside_history",
          field: fieldName(e.key, c.key),
          value,
          median: m,
        });
    }
  warnings.push(...numeratorsAboveDenominators(await indicatorFormulas(db), entered));
  return warnings;
}
