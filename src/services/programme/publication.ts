// Publishing a programme's dashboard: programme managers, coordinators and administrators make
// it public at an address made from its name (kept when it is unpublished and published again),
// or take it down. Each change is in the audit log.
import { findProgramme } from "../../db/programme/programmes.ts";
import {
  accountName,
  findPublication,
  type Publication,
  type PublishedProgramme,
  publishedProgrammes,
  setPublished,
  slugsLike,
} from "../../db/programme/publications.ts";
import { freeSlug, programmeSlug } from "../../domain/programme/publication.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";

export type { Publication, PublishedProgramme };

/** The programmes whose dashboard is public, for anyone: name, lead partner, dates, address. */
export async function publicProgrammes(db: Db): Promise<PublishedProgramme[]> {
  return publishedProgrammes(db);
}

export async function publicationOf(
  db: Db,
  actor: Actor,
  programmeId: number,
): Promise<Publication | null> {
  authorise(actor, "programme.read");
  const found = await findPublication(db, programmeId);
  // Who published is kept as the audit log names actors; the page shows the account's name.
  return found ? { ...found, publishedBy: await accountName(db, found.publishedBy) } : null;
}

/** Publishes (`true`) or unpublishes (`false`) a programme's dashboard. */
export async function setProgrammePublished(
  db: Db,
  actor: Actor,
  programmeId: number,
  published: boolean,
): Promise<Publication> {
  authorise(actor, "programme.write");
  return db.transaction().execute(async (trx) => {
    const programme = await findProgramme(trx, programmeId);
    if (!programme) throw notFound("programme", programmeId);
    const stored = await findPublication(trx, programmeId);
    const base = programmeSlug(programme.name);
    const slug = stored?.slug ?? freeSlug(base, await slugsLike(trx, base));
    return setPublished(trx, actorLabel(actor), programmeId, { published, slug });
  });
}
