// Loads the demo's programme over the demo's health and Mali worlds, in one transaction through
// the audited writers: the programme with its regions, indicators and commitment, the register
// (midwives, their deployments and trainings), then the joint monitoring mission (visits,
// recommendations and their follow-ups) and the testimonials with their consent records. Needs
// the health world's units; skipped when a programme is already stored.
import type { Database } from "../../db/connect.ts";
import { findIndicator } from "../../db/health/catalogue.ts";
import { findUnits } from "../../db/health/org-units.ts";
import { insertDeployment } from "../../db/programme/deployments.ts";
import { insertMidwife, insertTraining } from "../../db/programme/midwives.ts";
import {
  insertFollowUp,
  insertMission,
  insertRecommendation,
  insertVisit,
  setMissionPeople,
} from "../../db/programme/missions.ts";
import {
  insertProgramme,
  listProgrammes,
  setProgrammeCommitments,
  setProgrammeIndicators,
  setProgrammeRegions,
} from "../../db/programme/programmes.ts";
import { setPublished } from "../../db/programme/publications.ts";
import {
  insertConsent,
  insertTestimonial,
  withdrawConsents,
} from "../../db/programme/testimonials.ts";
import { programmeSlug } from "../../domain/programme/publication.ts";
import { DEMO_PROGRAMME, demoMidwives } from "./index.ts";
import { DEMO_MISSION, DEMO_TESTIMONIALS } from "./stories.ts";

export interface ProgrammeDemoReport {
  loaded: boolean;
  programmes: number;
  midwives: number;
  deployments: number;
  missions: number;
  testimonials: number;
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
    const storyCodes = [
      ...DEMO_MISSION.regions,
      ...DEMO_MISSION.visits.flatMap((v) => (v.facility ? [v.facility] : [])),
      ...DEMO_TESTIMONIALS.map((t) => t.facility),
    ];
    const units = await findUnits(trx, [...p.regions, ...facilityCodes, ...storyCodes]);
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
    /** The demo midwife deployed at each facility (the first one), for the midwives' words. */
    const midwifeAt = new Map<string, { id: number; name: string }>();
    for (const m of midwives) {
      const row = await insertMidwife(trx, actor, {
        name: m.name,
        qualification: m.qualification,
        languages: m.languages,
        phone: m.phone,
        email: null,
      });
      for (const d of m.deployments) {
        if (!midwifeAt.has(d.facility)) midwifeAt.set(d.facility, { id: row.id, name: m.name });
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

    // The joint monitoring mission, its visits and recommendations with their follow-ups.
    const m = DEMO_MISSION;
    const mission = await insertMission(trx, actor, programme.id, {
      title: m.title,
      startDate: m.startDate,
      endDate: m.endDate,
      objectives: [...m.objectives],
    });
    await setMissionPeople(trx, actor, mission.id, m.regions.map(unit), m.delegation);
    for (const v of m.visits)
      await insertVisit(trx, actor, mission.id, {
        orgUnitId: v.facility ? unit(v.facility) : null,
        authority: v.authority,
        date: v.date,
        peopleMet: [...v.peopleMet],
        findings: v.findings,
        figures: v.figures.map((f) => ({ ...f })),
      });
    for (const r of m.recommendations) {
      const rec = await insertRecommendation(trx, actor, mission.id, {
        text: r.text,
        ownerUserId: null,
        ownerName: r.ownerName,
        ownerEmail: r.ownerEmail,
        dueDate: r.dueDate,
        key: r.key,
      });
      for (const f of r.followUps) await insertFollowUp(trx, actor, rec.id, f);
    }

    // The testimonials and their consent records; a midwife speaks under her register's name.
    for (const t of DEMO_TESTIMONIALS) {
      const midwife = t.role === "midwife" && t.name === null ? midwifeAt.get(t.facility) : null;
      const id = await insertTestimonial(trx, actor, {
        programmeId: programme.id,
        speakerRole: t.role,
        speakerName: midwife ? null : t.name,
        midwifeId: midwife?.id ?? null,
        orgUnitId: unit(t.facility),
        place: t.place,
        date: t.date,
        quote: t.quote,
        summary: t.summary,
        language: t.language,
        videoUrl: null,
        faceVisible: false,
        minor: t.minor,
      });
      const c = t.consent;
      await insertConsent(trx, actor, {
        testimonialId: id,
        consenterName: c.guardian ?? midwife?.name ?? t.name ?? "",
        date: c.date,
        uses: [...c.uses],
        method: c.method,
        witnessName: c.witness,
        guardianName: c.guardian,
        named: c.method === "written",
      });
      if (c.withdrawnOn) await withdrawConsents(trx, actor, id, c.withdrawnOn);
    }
    // Its dashboard is public, as the mission's results were.
    await setPublished(trx, actor, programme.id, {
      published: true,
      slug: programmeSlug(p.name),
    });
    return {
      loaded: true,
      programmes: 1,
      midwives: midwives.length,
      deployments,
      missions: 1,
      testimonials: DEMO_TESTIMONIALS.length,
    };
  });
}
