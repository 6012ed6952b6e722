// Loads a demo world into an empty database, in one transaction, through the audited writers.

import type { Transaction } from "kysely";
import type { Database } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { isEmpty, resetAll } from "../db/reset.ts";
import type { DB } from "../db/schema.ts";
import { insertAcronym } from "../db/tracker/acronyms.ts";
import { insertAssessment } from "../db/tracker/assessments.ts";
import { listCommitmentChoices } from "../db/tracker/commitment-refs.ts";
import { insertCommitment, insertGoal, insertProcessIndicator } from "../db/tracker/commitments.ts";
import { insertCycle } from "../db/tracker/cycles.ts";
import { insertCycleRecommendation, insertDifficulty } from "../db/tracker/difficulties.ts";
import { insertMapping } from "../db/tracker/mappings.ts";
import { insertSeries, savePoints } from "../db/tracker/outcomes.ts";
import { insertPartner } from "../db/tracker/partners.ts";
import { saveCycleTextRow } from "../db/tracker/report-texts.ts";
import { insertResponse } from "../db/tracker/responses.ts";
import { insertTracker } from "../db/tracker/trackers.ts";
import { saveResponseTranslation, saveUnitTranslation } from "../db/tracker/translations.ts";
import { Problem } from "../domain/shared/problem.ts";
import { impliedDirection } from "../domain/tracker/outcome.ts";
import { slugify } from "../domain/tracker/partner.ts";
import { CYCLE_TEXT_KINDS } from "../domain/tracker/report-text.ts";
import { findIndicatorAtUnit } from "../services/health/indicator-years.ts";
import { type HealthDemoReport, healthIsEmpty, loadHealthWorld } from "./health/load.ts";
import { mali2022 } from "./mali-2022/index.ts";
import { mali2023, verdicts2022 } from "./mali-2023/index.ts";
import { writeCycleVerdicts, writeLaterCycle } from "./mali-2023/load.ts";
import { writeMeetings } from "./meetings.ts";
import { DEMO_PROGRAMME } from "./programme/index.ts";
import {
  loadProgrammeWorld,
  type ProgrammeDemoReport,
  programmeIsEmpty,
} from "./programme/load.ts";
import type { World } from "./world.ts";

export const DEMO_ACTOR = "system:demo";

export interface DemoReport {
  loaded: boolean;
  partners: number;
  commitments: number;
  indicators: number;
  responses: number;
}

/** Writes a world into the database; the caller provides the transaction. */
export async function writeWorld(
  db: Transaction<DB>,
  world: World,
  actor: string,
): Promise<DemoReport> {
  const tracker = await insertTracker(db, actor, {
    countryCode: world.tracker.countryCode,
    name: world.tracker.name.fr,
    nameEn: world.tracker.name.en ?? null,
    organisation: world.tracker.organisation,
  });
  for (const [unit, unitEn] of Object.entries(world.unitsEn ?? {}))
    await saveUnitTranslation(db, actor, tracker.id, unit, unitEn);
  const published = world.cycle.state === "published";
  const cycle = await insertCycle(db, actor, {
    trackerId: tracker.id,
    slug: world.cycle.slug,
    label: world.cycle.label.fr,
    labelEn: world.cycle.label.en ?? null,
    periodStart: world.cycle.periodStart,
    periodEnd: world.cycle.periodEnd,
    state: world.cycle.state,
    publishedAt: published ? new Date(`${world.cycle.periodEnd}T00:00:00Z`) : null,
  });

  const partnerIds = new Map<string, number>();
  for (const p of world.partners) {
    const row = await insertPartner(db, actor, {
      trackerId: tracker.id,
      slug: slugify(p.key),
      name: p.name.fr,
      nameEn: p.name.en ?? null,
      acronym: p.acronym,
      category: p.category,
    });
    partnerIds.set(p.key, row.id);
  }
  const partnerId = (key: string): number => {
    const id = partnerIds.get(key);
    if (id === undefined) throw new Problem("invalid_input", "partner", { key });
    return id;
  };

  const meetingIds = await writeMeetings(db, actor, cycle.id, world.meetings, partnerId);
  const meeting = meetingIds.get(world.cycle.validatedAt) ?? null;
  const meetingDate = world.meetings.find((m) => m.key === world.cycle.validatedAt)?.heldOn;

  let indicators = 0;
  let responses = 0;
  const seriesIds = new Map<string, number>();
  for (const s of world.outcomeSeries ?? []) {
    // A series following the health world needs it loaded first (`loadDemoWorlds`); without it
    // (the tracker's tests) the series is left out and its goal has no figure.
    const followed = s.health
      ? await findIndicatorAtUnit(db, s.health.indicator, s.health.orgUnit)
      : undefined;
    if (followed && !followed.ok) continue;
    const id = await insertSeries(db, actor, {
      trackerId: tracker.id,
      code: s.code,
      name: s.name.fr,
      nameEn: s.name.en ?? null,
      unit: s.unit,
      sourceKind: followed ? "health_indicator" : "imported",
      healthIndicatorId: followed?.found.indicatorId ?? null,
      orgUnitId: followed?.found.orgUnitId ?? null,
    });
    if (!followed) await savePoints(db, actor, id, s.points, { series: s.code, format: "demo" });
    seriesIds.set(s.code, id);
  }
  for (const c of world.commitments) {
    const commitment = await insertCommitment(db, actor, {
      trackerId: tracker.id,
      number: c.number,
      title: c.title.fr,
      titleEn: c.title.en ?? null,
    });
    for (const [g, goal] of c.goals.entries()) {
      await insertGoal(db, actor, commitment.id, g + 1, {
        ...goal,
        indicator: goal.indicator.fr,
        indicatorEn: goal.indicator.en ?? null,
        direction: impliedDirection(goal.baselineValue, goal.targetValue),
        seriesId: goal.series ? (seriesIds.get(goal.series) ?? null) : null,
      });
    }
    for (const [position, ind] of c.indicators.entries()) {
      const indicator = await insertProcessIndicator(db, actor, {
        trackerId: tracker.id,
        commitmentId: commitment.id,
        code: ind.code,
        position: position + 1,
        title: ind.title.fr,
        titleEn: ind.title.en ?? null,
        buildingBlocks: ind.buildingBlocks,
      });
      indicators += 1;
      await insertAssessment(db, actor, {
        cycleId: cycle.id,
        indicatorId: indicator.id,
        status: ind.status,
        narrative: ind.narrative?.fr ?? null,
        narrativeEn: ind.narrative?.en ?? null,
        meetingId: meeting,
        ...(meetingDate ? { assessedAt: `${meetingDate}T12:00:00Z` } : {}),
      });
      for (const contribution of ind.contributions) {
        const ids = {
          cycleId: cycle.id,
          partnerId: partnerId(contribution.partner),
          indicatorId: indicator.id,
        };
        await insertMapping(db, actor, ids);
        const responseId = await insertResponse(db, actor, {
          ...ids,
          contributes: contribution.contributes,
          activities: contribution.activities,
          collaboratorIds: contribution.collaborators.map(partnerId),
          collaboratorsText: contribution.collaboratorsText,
          difficulties: contribution.difficulties,
          outputs: contribution.outputs,
          evidence: contribution.evidence,
          method: contribution.method,
          answeredBy: contribution.answeredBy,
          answeredAt: `${contribution.answeredAt}T10:00:00Z`,
          state: published ? "validated" : "submitted",
        });
        const english = world.answersEn?.[`${c.number}.${ind.code}/${contribution.partner}`];
        for (const [field, fr, en] of [
          ["activities", contribution.activities, english?.activities],
          ["collaborators_text", contribution.collaboratorsText, english?.collaboratorsText],
          ["difficulties", contribution.difficulties, english?.difficulties],
        ] as const)
          if (fr && en) await saveResponseTranslation(db, actor, responseId, field, fr, en);
        responses += 1;
      }
    }
  }

  for (const [position, d] of world.difficulties.entries()) {
    await insertDifficulty(db, actor, {
      cycleId: cycle.id,
      level: d.level,
      position: position + 1,
      text: d.text.fr,
      textEn: d.text.en ?? null,
    });
  }
  for (const [position, r] of world.recommendations.entries()) {
    await insertCycleRecommendation(db, actor, {
      cycleId: cycle.id,
      position: position + 1,
      text: r.fr,
      textEn: r.en ?? null,
    });
  }
  for (const a of world.acronyms ?? []) {
    await insertAcronym(db, actor, tracker.id, {
      acronym: a.acronym,
      expansion: a.expansion.fr,
      expansionEn: a.expansion.en ?? null,
    });
  }
  for (const kind of CYCLE_TEXT_KINDS) {
    const text = world.texts?.[kind];
    if (text)
      await saveCycleTextRow(db, actor, cycle.id, { kind, text: text.fr, textEn: text.en ?? null });
  }
  return {
    loaded: true,
    partners: world.partners.length,
    commitments: world.commitments.length,
    indicators,
    responses,
  };
}

/**
 * Loads the Mali 2022 world, with the 2023 cycle after it when `laterCycle` is set (the served
 * demo). Without `reset` it loads only into an empty database (first start); with `reset` it
 * empties the commitment tables first. Either way it is one transaction.
 */
export async function loadDemo(
  database: Pick<Database, "db">,
  options: { reset: boolean; world?: World; laterCycle?: boolean },
): Promise<DemoReport> {
  return database.db.transaction().execute(async (trx) => {
    if (options.reset) await resetAll(trx, DEMO_ACTOR);
    else if (!(await isEmpty(trx)))
      return { loaded: false, partners: 0, commitments: 0, indicators: 0, responses: 0 };
    if (options.world) return writeWorld(trx, options.world, DEMO_ACTOR);
    const report = await writeWorld(trx, mali2022, DEMO_ACTOR);
    await writeCycleVerdicts(trx, DEMO_ACTOR, mali2022.cycle.slug, verdicts2022);
    if (!options.laterCycle) return report;
    // The served demo has a second cycle, 2023, under validation, so that trends show; the
    // tests' world stops at 2022, where their own 2023 is opened through the services.
    const later = await writeLaterCycle(trx, DEMO_ACTOR, mali2023);
    return { ...report, responses: report.responses + later };
  });
}

export type { HealthDemoReport } from "./health/load.ts";

/**
 * Loads the health world (Mali's map, the maternal-health catalogue, three years of monthly
 * values) when the health part holds no organisation unit yet — after a reset, whose world
 * includes the health tables, it is empty. Imports run outside any transaction (their COPY
 * takes a connection of its own), so it never runs inside `loadDemo`'s.
 */
export async function loadHealthDemo(database: Database): Promise<HealthDemoReport> {
  if (!(await healthIsEmpty(database)))
    return { loaded: false, units: 0, values: 0, indicators: 0 };
  return loadHealthWorld(database, DEMO_ACTOR);
}

/** The Mali world's commitment the demo programme serves, by its number, if that world is loaded. */
async function servedCommitment(database: Database): Promise<number | null> {
  const served = (await listCommitmentChoices(database.db)).find(
    (c) => c.number === DEMO_PROGRAMME.commitmentNumber,
  );
  return served?.commitmentId ?? null;
}

/**
 * Both worlds in the order the Mali world needs: with `reset`, both are emptied first (one
 * transaction); then the health world if its part is empty, then the Mali world if no tracker
 * is stored, whose series of skilled birth attendance follows a health indicator, then the
 * programme over the health world's units when that world has just loaded. With
 * `onlyIfNoTracker`, a database that already holds a tracker gets neither (before serving: a
 * database of real units is left alone).
 */
export async function loadDemoWorlds(
  database: Database,
  options: { reset: boolean; onlyIfNoTracker?: boolean },
): Promise<{ report: DemoReport; health: HealthDemoReport; programme: ProgrammeDemoReport }> {
  const noProgramme: ProgrammeDemoReport = {
    loaded: false,
    programmes: 0,
    midwives: 0,
    deployments: 0,
    missions: 0,
    testimonials: 0,
  };
  const skipped: DemoReport = {
    loaded: false,
    partners: 0,
    commitments: 0,
    indicators: 0,
    responses: 0,
  };
  if (options.reset) await database.db.transaction().execute((trx) => resetAll(trx, DEMO_ACTOR));
  else if (options.onlyIfNoTracker && !(await isEmpty(database.db)))
    return {
      report: skipped,
      health: { loaded: false, units: 0, values: 0, indicators: 0 },
      programme: noProgramme,
    };
  const health = await loadHealthDemo(database);
  const report = await loadDemo(database, { reset: false, laterCycle: true });
  // The programme sits on the health world's units: only over the demo's own map.
  const programme =
    health.loaded && (await programmeIsEmpty(database))
      ? await loadProgrammeWorld(database, DEMO_ACTOR, await servedCommitment(database))
      : noProgramme;
  return { report, health, programme };
}

/** Migrates, then loads the demo world if the database holds no tracker yet (tests, benchmarks). */
export async function prepareDemo(db: Database["db"]): Promise<DemoReport> {
  await migrateToLatest(db);
  return loadDemo({ db }, { reset: false });
}
