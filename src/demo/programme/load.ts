// Loads the demo's programme over the demo's health and Mali worlds, in one transaction through
// the audited writers: the programme with its regions, indicators and commitment, then the
// register (midwives, their deployments and trainings). Needs the health world's units; skipped
// when a programme is already stored.
import type { Database } from "../../db/connect.ts";
import { findIndicator } from "../../db/health/catalogue.ts";
import { findUnits } from "../../db/health/org-units.ts";
import { insertDeployment } from "../../db/programme/deployments.ts";
import { insertMidwife, insertTraining } from "../../db/programme/midwives.ts";
import {
  insertProgramme,
  listProgrammes,
  setProgrammeCommitments,
  setProgrammeIndicators,
  setProgrammeRegions,
} from "../../db/programme/programmes.ts";
import { setPublished } from "../../db/programme/publications.ts";
import { programmeSlug } from "../../domain/programme/publication.ts";
import { DEMO_PROGRAMME, demoMidwives } from "./index.ts";

export interface ProgrammeDemoReport {
  loaded: boolean;
  programmes: number;
  midwives: number;
  deployments: number;
}

export async function programmeIsEmpty(database: Pick<Database, "db">): Promise<boolean> {
  return (await listProgrammes(database.db)).length === 0;
}

/** `commitmentId`: the tracker's commitment the programme serves (found by the caller), if any. */
export async function loadProgrammeWorld(
  database: Pick<Database, "db">,
  actor: string,
  commitmentId: number | null,
): Promise<ProgrammeDemoReport> {
  const midwives = demoMidwives();
  return database.db.transaction().execute(async (trx) => {
    const p = DEMO_PROGRAMME;
    const facilityCodes = midwives.flatMap((m) => m.deployments.map((d) => d.facility));
    const units = await findUnits(trx, [...p.regions, ...facilityCodes]);
    const unit = (code: string): number => {
      const found = units.get(code);
      if (!found) throw new Error(`demo programme: unit ${code} is not loaded`);
      return found.id;
    };
    const programme = await insertProgramme(trx, actor, {
      name: p.name,
      leadPartner: p.leadPartner,
      funders: [...p.funders],
      partners: [...p.partners],
      startDate: p.startDate,
      endDate: p.endDate,
      budget: p.budget,
      currency: p.currency,
    });
    await setProgrammeRegions(trx, actor, programme.id, p.regions.map(unit));
    const indicators = [];
    for (const code of p.indicators) {
      const found = await findIndicator(trx, code);
      if (found) indicators.push({ indicatorId: found.id, targets: [] });
    }
    await setProgrammeIndicators(trx, actor, programme.id, indicators);
    if (commitmentId !== null)
      await setProgrammeCommitments(trx, actor, programme.id, [
        { commitmentId, indicatorId: null },
      ]);

    let deployments = 0;
    for (const m of midwives) {
      const row = await insertMidwife(trx, actor, {
        name: m.name,
        qualification: m.qualification,
        languages: m.languages,
        phone: m.phone,
        email: null,
      });
      for (const d of m.deployments) {
        await insertDeployment(trx, actor, {
          midwifeId: row.id,
          programmeId: programme.id,
          facilityId: unit(d.facility),
          startDate: d.startDate,
          endDate: d.endDate,
          endReason: d.endReason,
        });
        deployments++;
      }
      for (const t of m.trainings) await insertTraining(trx, actor, { midwifeId: row.id, ...t });
    }
    // Its dashboard is public, as the mission's results were.
    await setPublished(trx, actor, programme.id, {
      published: true,
      slug: programmeSlug(p.name),
    });
    return { loaded: true, programmes: 1, midwives: midwives.length, deployments };
  });
}
