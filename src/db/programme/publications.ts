// A programme's publication as stored: its slug, whether it is public, since when and by whom.
// Published and unpublished through the audited writers; the public read goes by slug.
import type { Selectable } from "kysely";
import type { ProgrammePublicationsTable } from "../schema.ts";
import { type Executor, insertAudited, updateAudited } from "../shared/audit.ts";

export interface Publication {
  programmeId: number;
  slug: string;
  published: boolean;
  publishedAt: Date | null;
  publishedBy: string | null;
}

type Row = Selectable<ProgrammePublicationsTable>;

const publicationOf = (r: Row): Publication => ({
  programmeId: r.programme_id,
  slug: r.slug,
  published: r.published,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
});

export async function findPublication(
  db: Executor,
  programmeId: number,
): Promise<Publication | undefined> {
  const row = await db
    .selectFrom("programme_publications")
    .selectAll()
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
  return row && publicationOf(row);
}

/**
 * The name of the account an actor label ("user:12") names, for the page saying who published;
 * null for anything else (the demo's loader, a command), which the page then does not name.
 */
export async function accountName(db: Executor, label: string | null): Promise<string | null> {
  const m = label === null ? null : /^user:([0-9]{1,10})$/.exec(label);
  if (!m) return null;
  const row = await db
    .selectFrom("users")
    .select("name")
    .where("id", "=", Number(m[1]))
    .executeTakeFirst();
  return row?.name ?? label;
}

/** The published programme at `slug`, or nothing (unknown or not public). */
export async function publishedAt(db: Executor, slug: string): Promise<Publication | undefined> {
  const row = await db
    .selectFrom("programme_publications")
    .selectAll()
    .where("slug", "=", slug)
    .where("published", "=", true)
    .executeTakeFirst();
  return row && publicationOf(row);
}

/** The slugs already given that begin with `prefix`. */
export async function slugsLike(db: Executor, prefix: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("programme_publications")
    .select("slug")
    .where("slug", "like", `${prefix.replace(/[%_\\]/g, "\\$&")}%`)
    .execute();
  return new Set(rows.map((r) => r.slug));
}

/** Publishes or unpublishes a programme: its row is made at its first publication. */
export async function setPublished(
  db: Executor,
  actor: string,
  programmeId: number,
  change: { published: boolean; slug: string },
): Promise<Publication> {
  const row = await db
    .selectFrom("programme_publications")
    .select("id")
    .where("programme_id", "=", programmeId)
    .forUpdate()
    .executeTakeFirst();
  const stamp = change.published
    ? { published: true, published_at: new Date(), published_by: actor }
    : { published: false };
  if (!row)
    return publicationOf(
      await insertAudited(db, actor, "programme_publications", {
        programme_id: programmeId,
        slug: change.slug,
        ...stamp,
      }),
    );
  const updated = await updateAudited(db, actor, "programme_publications", row.id, {
    ...stamp,
    updated_at: new Date(),
  });
  if (!updated) throw new Error(`programme publication ${row.id} vanished`);
  return publicationOf(updated);
}

/** A published programme as the public list names it. */
export interface PublishedProgramme {
  slug: string;
  name: string;
  leadPartner: string;
  startDate: string;
  endDate: string | null;
}

/** Every published programme, by name. */
export async function publishedProgrammes(db: Executor): Promise<PublishedProgramme[]> {
  const rows = await db
    .selectFrom("programme_publications as pub")
    .innerJoin("programmes as p", "p.id", "pub.programme_id")
    .select(["pub.slug", "p.name", "p.lead_partner", "p.start_date", "p.end_date"])
    .where("pub.published", "=", true)
    .orderBy("p.name")
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    leadPartner: r.lead_partner,
    startDate: r.start_date,
    endDate: r.end_date,
  }));
}
