// Grows a loaded demo world K-fold for growth benchmarks: every partner gets K − 1 copies
// (slug `<slug>-k<n>`, same category), each with the original's mappings, answers, outputs,
// evidence and collaborators in every cycle. Plain SQL, one statement per table; the audit log is
// left out on purpose (it is not what the pages read).
import { sql } from "kysely";
import type { Db } from "../../src/services/shared/db.ts";

export async function scaleWorld(db: Db, factor: number): Promise<void> {
  if (factor <= 1) return;
  await db.transaction().execute(async (trx) => {
    await sql`
      create temporary table copies on commit drop as
      select p.id as original, k from partners p, generate_series(1, ${factor - 1}) as k
    `.execute(trx);
    await sql`
      insert into partners (tracker_id, slug, name, name_en, acronym, category)
      select p.tracker_id, p.slug || '-k' || c.k, p.name || ' ' || c.k,
             case when p.name_en is null then null else p.name_en || ' ' || c.k end,
             case when p.acronym is null then null else p.acronym || c.k end, p.category
      from copies c join partners p on p.id = c.original
    `.execute(trx);
    await sql`
      create temporary table partner_map on commit drop as
      select c.original, n.id as copy from copies c
      join partners p on p.id = c.original
      join partners n on n.slug = p.slug || '-k' || c.k
    `.execute(trx);
    await sql`
      insert into mappings (cycle_id, partner_id, indicator_id)
      select m.cycle_id, pm.copy, m.indicator_id from mappings m join partner_map pm on pm.original = m.partner_id
    `.execute(trx);
    await sql`alter table responses add column copied_from integer`.execute(trx);
    await sql`
      insert into responses (cycle_id, partner_id, indicator_id, contributes, activities,
        collaborators_text, difficulties, method, state, answered_by, answered_at, updated_at,
        submitted_at, copied_from)
      select r.cycle_id, pm.copy, r.indicator_id, r.contributes, r.activities, r.collaborators_text,
        r.difficulties, r.method, r.state, r.answered_by, r.answered_at, r.updated_at,
        r.submitted_at, r.id
      from responses r join partner_map pm on pm.original = r.partner_id
    `.execute(trx);
    await sql`
      insert into response_outputs (response_id, position, value, unit)
      select n.id, o.position, o.value, o.unit from responses n join response_outputs o on o.response_id = n.copied_from
    `.execute(trx);
    await sql`
      insert into response_evidence (response_id, url, title)
      select n.id, e.url, e.title from responses n join response_evidence e on e.response_id = n.copied_from
    `.execute(trx);
    await sql`
      insert into response_collaborators (response_id, partner_id)
      select n.id, c.partner_id from responses n join response_collaborators c on c.response_id = n.copied_from
    `.execute(trx);
    await sql`alter table responses drop column copied_from`.execute(trx);
  });
}
