// The front of a cycle's report as use cases (coordinators, "cycle.setup"): the tracker's logos
// (uploaded, re-encoded, chosen for the cover and ordered, removed), the cycle's publication
// date and place, and the sections the coordinator adds after one of the report's own. Every
// field is checked before anything is written; a refused form stores nothing.
import {
  type CoverSettings,
  deleteLogo,
  deleteSection,
  getCoverSettings,
  insertLogo,
  insertSection,
  type LogoInfo,
  listLogos,
  listSections,
  logoPng,
  type SectionRow,
  saveCoverSettings,
  setCoverLogos,
  updateSection,
} from "../../db/tracker/report-covers.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { isIsoDay } from "../../domain/tracker/cycle.ts";
import {
  type CustomSection,
  isReportSection,
  MAX_SECTION_TITLE_LENGTH,
  unknownPlaceholders,
} from "../../domain/tracker/report-text.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { loadTracker } from "./context.ts";
import { cycleRecord } from "./cycles.ts";
import { reencodeLogo } from "./logos.ts";
import { MAX_TEXT_LENGTH } from "./report-texts.ts";

export type { CoverSettings, LogoInfo };
export const MAX_LOGO_NAME_LENGTH = 200;
export const MAX_PLACE_LENGTH = 120;

/** The cover page's editor: the cycle, the tracker's logos, the cover's settings, the sections. */
export async function reportCoverForm(db: Db, actor: Actor, cycleSlug: string, lang: Lang) {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const cycle = await cycleRecord(db, cycleSlug, lang);
  const [logos, settings, sections] = await Promise.all([
    listLogos(db, tracker.id),
    getCoverSettings(db, cycle.id),
    listSections(db, cycle.id),
  ]);
  return { cycle: { slug: cycle.slug, label: cycle.label }, logos, settings, sections };
}

/** Adds a logo (its owner's name and the file); both are checked before anything is stored. */
export async function addLogo(
  db: Db,
  actor: Actor,
  input: { name: string; file: Uint8Array | null; onCover: boolean },
  lang: Lang,
): Promise<number> {
  authorise(actor, "cycle.setup");
  const name = input.name.trim();
  const issues: Record<string, string> = {};
  if (name === "") issues.name = "required";
  else if (name.length > MAX_LOGO_NAME_LENGTH) issues.name = "too_long";
  const logo = input.file && input.file.byteLength > 0 ? await reencodeLogo(input.file) : null;
  if (!logo) issues.file = "required";
  else if (!logo.ok) issues.file = logo.reason;
  if (Object.keys(issues).length > 0 || !logo?.ok)
    throw invalidFields(issues, { name: MAX_LOGO_NAME_LENGTH });
  const tracker = await loadTracker(db, lang);
  return db.transaction().execute((trx) =>
    insertLogo(trx, actorLabel(actor), tracker.id, {
      name,
      png: logo.png,
      width: logo.width,
      height: logo.height,
      onCover: input.onCover,
    }),
  );
}

export async function removeLogo(db: Db, actor: Actor, id: number, lang: Lang): Promise<void> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  if (!(await deleteLogo(db, actorLabel(actor), tracker.id, id))) throw notFound("logo", id);
}

/** A logo's PNG for the editor's preview. */
export async function logoImage(db: Db, actor: Actor, id: number, lang: Lang) {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const png = await logoPng(db, tracker.id, id);
  if (!png) throw notFound("logo", id);
  return png;
}

export interface CoverInput {
  publishedOn: string;
  place: string;
  /** Each logo's place on the cover ("1", "2"…), or "" to leave it off. */
  positions: Record<number, string>;
}

/**
 * Saves the cover of a cycle's report: its publication date and place, and which logos it
 * prints in which order (by the numbers typed, ties by the current order).
 */
export async function saveCover(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  input: CoverInput,
  lang: Lang,
): Promise<void> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const cycle = await cycleRecord(db, cycleSlug, lang);
  const issues: Record<string, string> = {};
  const publishedOn = input.publishedOn.trim();
  const place = input.place.trim();
  if (publishedOn !== "" && !isIsoDay(publishedOn)) issues.published_on = "invalid";
  if (place.length > MAX_PLACE_LENGTH) issues.place = "too_long";
  const order: { id: number; at: number }[] = [];
  for (const [id, typed] of Object.entries(input.positions)) {
    const value = typed.trim();
    if (value === "") continue;
    if (!/^\d{1,3}$/.test(value)) issues[`logo.${id}`] = "invalid";
    else order.push({ id: Number(id), at: Number(value) });
  }
  if (Object.keys(issues).length > 0) throw invalidFields(issues, { place: MAX_PLACE_LENGTH });
  const current = (await listLogos(db, tracker.id)).map((l) => l.id);
  const ids = order
    .filter((o) => current.includes(o.id))
    .sort((a, b) => a.at - b.at || current.indexOf(a.id) - current.indexOf(b.id))
    .map((o) => o.id);
  const by = actorLabel(actor);
  const settings: CoverSettings = {
    publishedOn: publishedOn === "" ? null : publishedOn,
    place: place === "" ? null : place,
  };
  await db.transaction().execute(async (trx) => {
    await saveCoverSettings(trx, by, cycle.id, settings);
    await setCoverLogos(trx, by, tracker.id, ids);
  });
}

export interface SectionInput {
  after: string;
  title: string;
  titleEn: string;
  text: string;
  textEn: string;
}

/** The section as stored, or every field's reason at once. */
function checkSection(input: SectionInput): SectionRow {
  const issues: Record<string, string> = {};
  const title = input.title.trim();
  const titleEn = input.titleEn.trim();
  const text = input.text.trim();
  const textEn = input.textEn.trim();
  if (!isReportSection(input.after)) issues.after = "invalid";
  if (title === "") issues.title = "required";
  else if (title.length > MAX_SECTION_TITLE_LENGTH) issues.title = "too_long";
  if (titleEn.length > MAX_SECTION_TITLE_LENGTH) issues.title_en = "too_long";
  if (text === "") issues.text = "required";
  else if (text.length > MAX_TEXT_LENGTH) issues.text = "too_long";
  else if (unknownPlaceholders(text).length > 0) issues.text = "placeholder";
  if (textEn.length > MAX_TEXT_LENGTH) issues.text_en = "too_long";
  else if (unknownPlaceholders(textEn).length > 0) issues.text_en = "placeholder";
  if (Object.keys(issues).length > 0 || !isReportSection(input.after))
    throw invalidFields(issues, {
      title: MAX_SECTION_TITLE_LENGTH,
      title_en: MAX_SECTION_TITLE_LENGTH,
      text: MAX_TEXT_LENGTH,
      text_en: MAX_TEXT_LENGTH,
    });
  return {
    after: input.after,
    title,
    titleEn: titleEn === "" ? null : titleEn,
    text,
    textEn: textEn === "" ? null : textEn,
  };
}

/** Adds a section to a cycle's report (no id) or rewrites one of its sections. */
export async function saveSection(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  input: SectionInput & { id?: number },
  lang: Lang,
): Promise<void> {
  authorise(actor, "cycle.setup");
  const cycle = await cycleRecord(db, cycleSlug, lang);
  const row = checkSection(input);
  const by = actorLabel(actor);
  if (input.id === undefined) {
    await insertSection(db, by, cycle.id, row);
    return;
  }
  if (!(await updateSection(db, by, cycle.id, input.id, row))) throw notFound("section", input.id);
}

export async function removeSection(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  id: number,
  lang: Lang,
): Promise<void> {
  authorise(actor, "cycle.setup");
  const cycle = await cycleRecord(db, cycleSlug, lang);
  if (!(await deleteSection(db, actorLabel(actor), cycle.id, id))) throw notFound("section", id);
}

export type { CustomSection };
