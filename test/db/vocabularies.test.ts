// Each vocabulary of the domain is the list its CHECK constraint allows, read back from the
// migrated database (pg_get_constraintdef) on PGlite and PostgreSQL, so the two cannot drift.

import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGGREGATIONS, TARGET_KINDS, VALUE_TYPES } from "../../src/domain/health/data-values.ts";
import { DHIS2_AUTH_KINDS, DHIS2_SCHEDULES } from "../../src/domain/health/dhis2-pull.ts";
import {
  CONSENT_METHODS,
  CONSENT_USES,
  SPEAKER_ROLES,
} from "../../src/domain/programme/consent.ts";
import { END_REASONS } from "../../src/domain/programme/deployment.ts";
import { QUALIFICATIONS, TRAINING_TOPICS } from "../../src/domain/programme/midwife.ts";
import { RECOMMENDATION_STATUSES } from "../../src/domain/programme/mission.ts";
import { IMPORT_BATCH_STATES, JOB_STATES } from "../../src/domain/shared/jobs.ts";
import { LANGS } from "../../src/domain/shared/lang.ts";
import { AUDIT_ACTIONS, OUTBOX_KINDS } from "../../src/domain/shared/outbox.ts";
import { ROLES } from "../../src/domain/shared/policy.ts";
import { BUILDING_BLOCKS } from "../../src/domain/tracker/building-block.ts";
import { CYCLE_STATES } from "../../src/domain/tracker/cycle.ts";
import { DIFFICULTY_LEVELS } from "../../src/domain/tracker/difficulty.ts";
import {
  GOAL_DIRECTIONS,
  OUTCOME_SOURCE_KINDS,
  POINT_KINDS,
} from "../../src/domain/tracker/outcome.ts";
import { PARTNER_CATEGORIES } from "../../src/domain/tracker/partner.ts";
import { CYCLE_TEXT_KINDS, REPORT_SECTIONS } from "../../src/domain/tracker/report-text.ts";
import {
  COLLECTION_METHODS,
  CONTRIBUTES,
  RESPONSE_STATES,
} from "../../src/domain/tracker/response.ts";
import { STATUSES } from "../../src/domain/tracker/status.ts";
import { RESPONSE_TEXT_FIELDS } from "../../src/domain/tracker/translation.ts";
import { FOLLOW_UPS } from "../../src/domain/tracker/verdict.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

/** Every column that the schema restricts to a list, and the domain list it must equal. */
const VOCABULARIES: Record<string, readonly string[]> = {
  "assessments.status": STATUSES,
  "audit_log.action": AUDIT_ACTIONS,
  "commitment_goals.direction": GOAL_DIRECTIONS,
  "cycle_texts.kind": CYCLE_TEXT_KINDS,
  "cycles.state": CYCLE_STATES,
  "data_elements.aggregation": AGGREGATIONS,
  "data_elements.value_type": VALUE_TYPES,
  "deployments.end_reason": END_REASONS,
  "dhis2_connections.auth_kind": DHIS2_AUTH_KINDS,
  "dhis2_connections.schedule": DHIS2_SCHEDULES,
  "difficulties.level": DIFFICULTY_LEVELS,
  "health_indicator_targets.kind": TARGET_KINDS,
  "import_batches.state": IMPORT_BATCH_STATES,
  "indicators.building_blocks": BUILDING_BLOCKS,
  "invitations.lang": LANGS,
  "jobs.state": JOB_STATES,
  "midwives.qualification": QUALIFICATIONS,
  "outbox.kind": OUTBOX_KINDS,
  "outcome_points.kind": POINT_KINDS,
  "outcome_series.source_kind": OUTCOME_SOURCE_KINDS,
  "partners.category": PARTNER_CATEGORIES,
  "commitment_verdicts.status": STATUSES,
  "recommendations.follow_up": FOLLOW_UPS,
  "mission_follow_ups.status": RECOMMENDATION_STATUSES,
  "mission_recommendations.status": RECOMMENDATION_STATUSES,
  "report_sections.after_section": REPORT_SECTIONS,
  "responses.contributes": CONTRIBUTES,
  "responses.method": COLLECTION_METHODS,
  "response_translations.field": RESPONSE_TEXT_FIELDS,
  "responses.state": RESPONSE_STATES,
  "testimonial_consents.method": CONSENT_METHODS,
  "testimonial_consents.uses": CONSENT_USES,
  "testimonials.speaker_role": SPEAKER_ROLES,
  "trainings.topic": TRAINING_TOPICS,
  "users.role": ROLES,
};

/**
 * The allowed values of a CHECK that restricts one column to a list, as PostgreSQL prints it:
 * `(state = ANY (ARRAY['setup'::text, …]))`, or `building_blocks <@ ARRAY[…]` for an array.
 */
function listCheck(definition: string): { column: string; values: string[] } | null {
  const m = /\((\w+) (?:= ANY \(|<@ )ARRAY\[([^\]]*)\]/.exec(definition);
  if (!m) return null;
  const values = [...(m[2] ?? "").matchAll(/'((?:[^']|'')*)'::text/g)].map((v) =>
    (v[1] ?? "").replace(/''/g, "'"),
  );
  return { column: m[1] ?? "", values };
}

describe("reading a list constraint", () => {
  it("reads a column's list, an array's list, and nothing else", () => {
    expect(listCheck("CHECK ((state = ANY (ARRAY['a'::text, 'b''c'::text])))")).toEqual({
      column: "state",
      values: ["a", "b'c"],
    });
    expect(
      listCheck("CHECK (((cardinality(x) >= 1) AND (x <@ ARRAY['p'::text, 'q'::text])))"),
    ).toEqual({ column: "x", values: ["p", "q"] });
    expect(listCheck("CHECK ((slug ~ '^[a-z]$'::text))")).toBeNull();
  });
});

describe.each(backends)("vocabularies on %s", (backend) => {
  let t: TestDatabase;
  let found: Map<string, string[]>;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    const rows = await sql<{ tbl: string; def: string }>`
      select cls.relname as tbl, pg_get_constraintdef(con.oid) as def
      from pg_constraint con
      join pg_class cls on cls.oid = con.conrelid
      join pg_namespace ns on ns.oid = cls.relnamespace
      where con.contype = 'c' and ns.nspname = current_schema()`.execute(t.db);
    found = new Map();
    for (const row of rows.rows) {
      const check = listCheck(row.def);
      // A rule that only excludes some values (`status <> ALL (…)`) is not a vocabulary.
      if (check) found.set(`${row.tbl}.${check.column}`, check.values);
    }
  });
  afterAll(() => t.dispose());

  it("restricts to a list exactly the columns that have a domain vocabulary", () => {
    expect([...found.keys()].sort()).toEqual(Object.keys(VOCABULARIES).sort());
  });

  it.each(Object.entries(VOCABULARIES))("allows in %s the domain's values", (column, list) => {
    expect(found.get(column)?.slice().sort()).toEqual([...list].sort());
  });
});
