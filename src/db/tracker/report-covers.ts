// The front of a cycle's report: the tracker's logos (re-encoded PNG), which of them the cover
// prints and in what order, the cycle's publication date and place, and the sections the
// coordinator adds. Every write audited in the caller's transaction; a logo's audit record keeps
// its size, never its bytes.
import type { Transaction } from "kysely";
import type { CustomSection, ReportSection } from "../../domain/tracker/report-text.ts";
import type { DB } from "../schema.ts";
import {
  deleteAudited,
  type Executor,
  insertAudited,
  recordAudit,
  updateAudited,
} from "../shared/audit.ts";

export interface LogoInfo {
  id: number;
  name: string;
  width: number;
  height: number;
  /** Its place on the cover, from 0; null when the cover does not print it. */
  coverPosition: number | null;
}

export interface CoverLogo extends LogoInfo {
  png: Uint8Array;
}

const INFO = ["id", "name", "width", "height", "cover_position"] as const;
const info = (r: {
  id: number;
  name: string;
  width: number;
  height: number;
  cover_position: number | null;
}): LogoInfo => ({
  id: r.id,
  name: r.name,
  width: r.width,
  height: r.height,
  coverPosition: r.cover_position,
});

/** The tracker's logos: those on the cover first, in their order, then the others by name. */
export async function listLogos(db: Executor, trackerId: number): Promise<LogoInfo[]> {
  const rows = await db
    .selectFrom("report_logos")
    .select(INFO)
    .where("tracker_id", "=", trackerId)
    .orderBy((eb) => eb.fn.coalesce("cover_position", eb.lit(1_000_000)))
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(info);
}

/** The logos the cover prints, in order, with their bytes. */
export async function coverLogos(db: Executor, trackerId: number): Promise<CoverLogo[]> {
  const rows = await db
    .selectFrom("report_logos")
    .select([...INFO, "png"])
    .where("tracker_id", "=", trackerId)
    .where("cover_position", "is not", null)
    .orderBy("cover_position")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...info(r), png: new Uint8Array(r.png) }));
}

export async function logoPng(
  db: Executor,
  trackerId: number,
  id: number,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom("report_logos")
    .select("png")
    .where("tracker_id", "=", trackerId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && new Uint8Array(row.png);
}

export async function insertLogo(
  db: Transaction<DB>,
  actor: string,
  trackerId: number,
  logo: { name: string; png: Uint8Array; width: number; height: number; onCover: boolean },
): Promise<number> {
  // A new logo printed on the cover goes last.
  const last = await db
    .selectFrom("report_logos")
    .select((eb) => eb.fn.max("cover_position").as("max"))
    .where("tracker_id", "=", trackerId)
    .executeTakeFirst();
  const position = logo.onCover ? (last?.max ?? -1) + 1 : null;
  const row = await db
    .insertInto("report_logos")
    .values({
      tracker_id: trackerId,
      name: logo.name,
      png: logo.png,
      width: logo.width,
      height: logo.height,
      cover_position: position,
    })
    .returning(INFO)
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: "create",
    entity: "report_logos",
    entityId: row.id,
    after: { ...row, bytes: logo.png.byteLength },
  });
  return row.id;
}

/** Sets which logos the cover prints and in what order: the ids given, in that order. */
export async function setCoverLogos(
  db: Transaction<DB>,
  actor: string,
  trackerId: number,
  order: number[],
): Promise<void> {
  const rows = await db
    .selectFrom("report_logos")
    .select(["id", "cover_position"])
    .where("tracker_id", "=", trackerId)
    .forUpdate()
    .execute();
  for (const r of rows) {
    const at = order.indexOf(r.id);
    const position = at < 0 ? null : at;
    if (position !== r.cover_position)
      await updateAudited(db, actor, "report_logos", r.id, { cover_position: position });
  }
}

export async function deleteLogo(
  db: Executor,
  actor: string,
  trackerId: number,
  id: number,
): Promise<boolean> {
  const before = await deleteAudited(
    db,
    actor,
    "report_logos",
    { tracker_id: trackerId, id },
    { columns: INFO },
  );
  return before !== undefined;
}

export interface CoverSettings {
  publishedOn: string | null;
  place: string | null;
}

export async function getCoverSettings(db: Executor, cycleId: number): Promise<CoverSettings> {
  const row = await db
    .selectFrom("report_covers")
    .select(["published_on", "place"])
    .where("cycle_id", "=", cycleId)
    .executeTakeFirst();
  return { publishedOn: row?.published_on ?? null, place: row?.place ?? null };
}

export async function saveCoverSettings(
  db: Transaction<DB>,
  actor: string,
  cycleId: number,
  settings: CoverSettings,
): Promise<void> {
  const before = await db
    .selectFrom("report_covers")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) {
    await insertAudited(
      db,
      actor,
      "report_covers",
      { cycle_id: cycleId, published_on: settings.publishedOn, place: settings.place },
      (row) => String(row.cycle_id),
    );
    return;
  }
  const after = await db
    .updateTable("report_covers")
    .set({ published_on: settings.publishedOn, place: settings.place, updated_at: new Date() })
    .where("cycle_id", "=", cycleId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actor,
    action: "update",
    entity: "report_covers",
    entityId: cycleId,
    before,
    after,
  });
}

export async function listSections(db: Executor, cycleId: number): Promise<CustomSection[]> {
  const rows = await db
    .selectFrom("report_sections")
    .selectAll()
    .where("cycle_id", "=", cycleId)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    after: r.after_section as ReportSection,
    title: r.title,
    titleEn: r.title_en,
    text: r.text,
    textEn: r.text_en,
  }));
}

export type SectionRow = Omit<CustomSection, "id">;

const sectionValues = (s: SectionRow) => ({
  after_section: s.after,
  title: s.title,
  title_en: s.titleEn,
  text: s.text,
  text_en: s.textEn,
});

export async function insertSection(
  db: Executor,
  actor: string,
  cycleId: number,
  s: SectionRow,
): Promise<number> {
  const row = await insertAudited(db, actor, "report_sections", {
    cycle_id: cycleId,
    ...sectionValues(s),
  });
  return row.id;
}

/** False when the cycle has no such section. */
export async function updateSection(
  db: Executor,
  actor: string,
  cycleId: number,
  id: number,
  s: SectionRow,
): Promise<boolean> {
  const own = await db
    .selectFrom("report_sections")
    .select("id")
    .where("cycle_id", "=", cycleId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!own) return false;
  await updateAudited(db, actor, "report_sections", id, {
    ...sectionValues(s),
    updated_at: new Date(),
  });
  return true;
}

export async function deleteSection(
  db: Executor,
  actor: string,
  cycleId: number,
  id: number,
): Promise<boolean> {
  const before = await deleteAudited(db, actor, "report_sections", { cycle_id: cycleId, id });
  return before !== undefined;
}
