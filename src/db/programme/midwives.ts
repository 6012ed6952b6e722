// The register of midwives and their trainings. A midwife's contact (telephone, e-mail) is read
// only by `midwifeContact`; the register's rows never carry it, so no list can leak it.
import { sql } from "kysely";
import type { Qualification, TrainingTopic } from "../../domain/programme/midwife.ts";
import { withinUnit } from "../health/org-units.ts";
import type { Executor } from "../shared/audit.ts";
import { insertAudited, updateAudited } from "../shared/audit.ts";
import { insertMany } from "../shared/bulk.ts";

export interface MidwifeInput {
  name: string;
  qualification: Qualification;
  languages: string[];
  phone: string | null;
  email: string | null;
}

/** A midwife as the register shows her: no contact. */
export interface MidwifeEntry {
  id: number;
  name: string;
  qualification: Qualification;
  languages: string[];
}

export interface MidwifeContact {
  phone: string | null;
  email: string | null;
}

const columns = (m: MidwifeInput) => ({
  name: m.name,
  qualification: m.qualification,
  languages: m.languages,
  phone: m.phone,
  email: m.email,
});

const entryOf = (r: { id: number; name: string; qualification: string; languages: string[] }) => ({
  id: r.id,
  name: r.name,
  qualification: r.qualification as Qualification,
  languages: r.languages,
});

export async function insertMidwife(
  db: Executor,
  actor: string,
  m: MidwifeInput,
): Promise<MidwifeEntry> {
  return entryOf(await insertAudited(db, actor, "midwives", columns(m)));
}

export async function updateMidwife(
  db: Executor,
  actor: string,
  id: number,
  m: MidwifeInput,
): Promise<MidwifeEntry | undefined> {
  const row = await updateAudited(db, actor, "midwives", id, {
    ...columns(m),
    updated_at: new Date(),
  });
  return row && entryOf(row);
}

export async function findMidwife(db: Executor, id: number): Promise<MidwifeEntry | undefined> {
  const row = await db
    .selectFrom("midwives")
    .select(["id", "name", "qualification", "languages"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row && entryOf(row);
}

export async function midwifeContact(
  db: Executor,
  id: number,
): Promise<MidwifeContact | undefined> {
  return db
    .selectFrom("midwives")
    .select(["phone", "email"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/**
 * Locks the midwife's row until the transaction ends, so that two deployments of her written
 * at once are checked one after the other; false when she does not exist.
 */
export async function lockMidwife(trx: Executor, id: number): Promise<boolean> {
  const row = await trx
    .selectFrom("midwives")
    .select("id")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export interface RegisterFilter {
  /** The day "deployed" and "where" are read at. */
  date: string;
  /** Only midwives deployed at `date` at a facility within this unit. */
  within?: number;
  qualification?: Qualification;
  /** Only midwives trained on this topic. */
  topic?: TrainingTopic;
  /** Only those deployed at `date` (true), or not deployed then (false). */
  deployed?: boolean;
  programmeId?: number;
}

export interface RegisterRow extends MidwifeEntry {
  /** Where she is deployed at the filter's day, if anywhere. */
  facility: { id: number; name: string; path: string } | null;
  deploymentId: number | null;
  since: string | null;
  topics: TrainingTopic[];
}

/** The register at a day, by name, with each midwife's facility then and her training topics. */
export async function listRegister(db: Executor, f: RegisterFilter): Promise<RegisterRow[]> {
  let q = db
    .selectFrom("midwives as m")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("deployments")
          .select(["id", "midwife_id", "facility_id", "start_date", "programme_id"])
          .where("start_date", "<=", f.date)
          .where((w) => w.or([w("end_date", "is", null), w("end_date", ">=", f.date)]))
          .as("d"),
      (j) => j.onRef("d.midwife_id", "=", "m.id"),
    )
    .leftJoin("org_units as u", "u.id", "d.facility_id")
    .select([
      "m.id",
      "m.name",
      "m.qualification",
      "m.languages",
      "d.id as deployment_id",
      "d.start_date",
      "u.id as facility_id",
      "u.name as facility_name",
      "u.path as facility_path",
      sql<
        string[]
      >`coalesce((select array_agg(distinct t.topic order by t.topic) from trainings t where t.midwife_id = m.id), '{}')`.as(
        "topics",
      ),
    ]);
  if (f.within !== undefined) q = q.where(withinUnit("d.facility_id", f.within));
  if (f.programmeId !== undefined) q = q.where("d.programme_id", "=", f.programmeId);
  if (f.qualification !== undefined) q = q.where("m.qualification", "=", f.qualification);
  if (f.topic !== undefined) {
    const topic = f.topic;
    q = q.where((w) =>
      w.exists(
        w
          .selectFrom("trainings as t")
          .select("t.id")
          .whereRef("t.midwife_id", "=", "m.id")
          .where("t.topic", "=", topic),
      ),
    );
  }
  if (f.deployed === true) q = q.where("d.id", "is not", null);
  if (f.deployed === false) q = q.where("d.id", "is", null);
  const rows = await q.orderBy("m.name").orderBy("m.id").execute();
  return rows.map((r) => ({
    ...entryOf(r),
    facility:
      r.facility_id === null
        ? null
        : { id: r.facility_id, name: r.facility_name ?? "", path: r.facility_path ?? "" },
    deploymentId: r.deployment_id,
    since: r.start_date,
    topics: r.topics as TrainingTopic[],
  }));
}

export interface TrainingInput {
  midwifeId: number;
  topic: TrainingTopic;
  date: string;
  provider: string | null;
}

export interface StoredTraining extends TrainingInput {
  id: number;
}

export async function insertTraining(
  db: Executor,
  actor: string,
  t: TrainingInput,
): Promise<StoredTraining> {
  const row = await insertAudited(db, actor, "trainings", {
    midwife_id: t.midwifeId,
    topic: t.topic,
    date: t.date,
    provider: t.provider,
  });
  return {
    id: row.id,
    midwifeId: row.midwife_id,
    topic: row.topic as TrainingTopic,
    date: row.date,
    provider: row.provider,
  };
}

export async function trainingsOf(db: Executor, midwifeId: number): Promise<StoredTraining[]> {
  const rows = await db
    .selectFrom("trainings")
    .selectAll()
    .where("midwife_id", "=", midwifeId)
    .orderBy("date")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    midwifeId: r.midwife_id,
    topic: r.topic as TrainingTopic,
    date: r.date,
    provider: r.provider,
  }));
}

/** A midwife with her contact, as an import of the register matches and compares her. */
export interface StoredMidwife extends MidwifeInput {
  id: number;
}

/**
 * Every midwife with her contact, her rows locked until the transaction ends (an import of the
 * register judges her deployments against what no other write changes meanwhile).
 */
export async function lockedRegister(trx: Executor): Promise<StoredMidwife[]> {
  const rows = await trx
    .selectFrom("midwives")
    .select(["id", "name", "qualification", "languages", "phone", "email"])
    .orderBy("id")
    .forUpdate()
    .execute();
  return rows.map((r) => ({ ...r, qualification: r.qualification as Qualification }));
}

/** Keeps imports of the register apart: the second waits for the first to end. */
export async function lockRegisterImports(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('jalon.register.import'))`.execute(trx);
}

/** Ids for `count` new midwives, taken from the table's sequence. */
export async function newMidwifeIds(trx: Executor, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence('midwives', 'id'))::int as id from generate_series(1, ${count})`.execute(
    trx,
  );
  return rows.rows.map((r) => Number(r.id));
}

/** Inserts midwives with the ids given (one statement per chunk; the import audits them). */
export async function insertMidwives(
  trx: Executor,
  rows: readonly (MidwifeInput & { id: number })[],
): Promise<void> {
  await insertMany(
    trx,
    "midwives",
    rows.map((m) => ({ id: m.id, ...columns(m) })),
  );
}

/** Replaces a midwife's fields without a record of its own (the import's batch holds it). */
export async function setMidwifeFields(trx: Executor, id: number, m: MidwifeInput): Promise<void> {
  await trx
    .updateTable("midwives")
    .set({ ...columns(m), updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** Every training's midwife, topic and day: what an import finds already recorded. */
export async function trainingKeys(
  trx: Executor,
): Promise<{ midwifeId: number; topic: TrainingTopic; date: string }[]> {
  const rows = await trx.selectFrom("trainings").select(["midwife_id", "topic", "date"]).execute();
  return rows.map((r) => ({
    midwifeId: r.midwife_id,
    topic: r.topic as TrainingTopic,
    date: r.date,
  }));
}

export async function insertTrainings(
  trx: Executor,
  rows: readonly TrainingInput[],
): Promise<void> {
  await insertMany(
    trx,
    "trainings",
    rows.map((t) => ({
      midwife_id: t.midwifeId,
      topic: t.topic,
      date: t.date,
      provider: t.provider,
    })),
  );
}
