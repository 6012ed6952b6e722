// A partner's collection window: extending collection for one partner (its links and answers
// keep working until the day chosen, also after the cycle's collection has closed).

import { saveExtension } from "../../db/tracker/collection.ts";
import { listMappings } from "../../db/tracker/mappings.ts";
import { findPartnerBySlug } from "../../db/tracker/partners.ts";
import { lockCycleState } from "../../db/tracker/validation.ts";
import { inLang, type Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import { isValidExtension } from "../../domain/tracker/collection.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import { utcDay } from "../../domain/tracker/tracking.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { loadTracker } from "./context.ts";
import { cycleRecord } from "./cycles.ts";

/** Extends (or moves) one partner's collection to `until`, during or after collection. */
export async function extendCollection(
  db: Db,
  actor: Actor,
  input: { cycleSlug: string; partnerSlug: string; until: string },
  lang: Lang,
  now: Date = new Date(),
): Promise<{ partner: string; until: string }> {
  authorise(actor, "cycle.setup");
  if (!isValidExtension(input.until, utcDay(now))) throw new Problem("invalid_input", "until");
  return db.transaction().execute(async (trx) => {
    const cycle = await cycleRecord(trx, input.cycleSlug, lang);
    const tracker = await loadTracker(trx, lang);
    const partner = await findPartnerBySlug(trx, tracker.id, input.partnerSlug);
    if (!partner) throw notFound("partner", input.partnerSlug);
    // Under the cycle's lock: an extension racing the publication lands before it or not at all.
    const state = await lockCycleState(trx, cycle.id);
    if (state !== "collection" && state !== "validation")
      throw new Problem("conflict", "cycle_state", { state: state ?? cycle.state });
    const asked = (await listMappings(trx, cycle.id)).some((m) => m.partnerId === partner.id);
    if (!asked) throw notFound("partner", input.partnerSlug);
    await saveExtension(trx, actorLabel(actor), {
      cycleId: cycle.id,
      partnerId: partner.id,
      until: input.until,
    });
    // Named in French, like the partner found by its slug on every workspace page.
    return { partner: partnerShortName(inLang(partner, "fr", "name")), until: input.until };
  });
}
