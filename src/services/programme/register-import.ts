// Importing the midwife register from a CSV or XLSX file into one programme: every line read and
// judged (importers/programme/midwives: its own faults, the facility known by code or uid, no
// day shared by two deployments of one midwife, in the file or with those stored), then the good
// lines written in one transaction as one import batch. A midwife is known by her name and
// telephone; a deployment by its midwife, programme, facility and first day; a training by its
// midwife, topic and day. So the same file imported again writes nothing: every line is
// "ignored". A line that changes a known deployment's end, a midwife's qualification, languages
// or e-mail, or adds a training to her is "updated"; a line with a new midwife or deployment is
// "imported". A dry run runs the same transaction and rolls it back, so its counts are exact.
import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import {
  type DeploymentInput,
  deploymentsWithin,
  facilityKeys,
  insertDeployments,
  type StoredDeployment,
  setDeploymentEndQuietly,
} from "../../db/programme/deployments.ts";
import {
  insertMidwives,
  insertTrainings,
  lockedRegister,
  lockRegisterImports,
  type MidwifeInput,
  newMidwifeIds,
  type StoredMidwife,
  setMidwifeFields,
  type TrainingInput,
  trainingKeys,
} from "../../db/programme/midwives.ts";
import { findProgramme } from "../../db/programme/programmes.ts";
import { finishBatch, startBatch } from "../../db/shared/import-batches.ts";
import type { Period } from "../../domain/programme/deployment.ts";
import type { ImportSummary } from "../../domain/shared/import-summary.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { Dhis2ReadError } from "../../importers/health/dhis2/map.ts";
import type { SheetLine } from "../../importers/health/sheets/csv.ts";
import type { XlsxReply } from "../../importers/health/sheets/worker.ts";
import {
  midwifeKey,
  type PlannedLine,
  planRegister,
  type RegisterLine,
  type RegisterRejection,
} from "../../importers/programme/midwives/map.ts";
import {
  REGISTER_FILE_LIMITS,
  REGISTER_WORKBOOK_WORKER,
  registerCsvLines,
  registerLines,
} from "../../importers/programme/midwives/read.ts";
import { looksLikeOle, looksLikeZip } from "../../importers/shared/xlsx.ts";
import { authorise } from "../shared/access.ts";
import type { Db, Tx } from "../shared/db.ts";
import { readInWorker } from "../shared/worker-read.ts";

export type { RegisterRowProblem } from "../../importers/programme/midwives/map.ts";
export type { RegisterRejection };

export interface RegisterImportSummary extends ImportSummary<RegisterRejection> {
  /** What the accepted lines wrote: new midwives, new deployments, new trainings. */
  added: { midwives: number; deployments: number; trainings: number };
}

/** A register file: on disk (read as a stream), or its bytes (an upload). */
export type RegisterFile = { path: string } | { bytes: Uint8Array };

export interface RegisterImportInput {
  programmeId: number;
  file: RegisterFile;
  dryRun: boolean;
  /** The SHA-256 of the file, kept with the batch. */
  fileHash: string | null;
  /** The day trainings may not be after (today). */
  today?: string;
}

async function firstBytes(file: RegisterFile): Promise<Uint8Array> {
  if ("bytes" in file) return file.bytes.subarray(0, 8);
  const handle = await open(file.path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A workbook's lines, read in a worker thread with the file caps; refusals throw. */
async function workbookLines(file: RegisterFile): Promise<SheetLine[]> {
  const size = "bytes" in file ? file.bytes.byteLength : (await stat(file.path)).size;
  if (size > REGISTER_FILE_LIMITS.bytes)
    throw new Dhis2ReadError("too_large", null, { maxBytes: REGISTER_FILE_LIMITS.bytes });
  const bytes = "bytes" in file ? file.bytes : new Uint8Array(await readFile(file.path));
  const outcome = await readInWorker<XlsxReply>(
    REGISTER_WORKBOOK_WORKER,
    bytes,
    REGISTER_FILE_LIMITS,
  );
  if (!outcome.ok)
    throw new Dhis2ReadError(outcome.reason === "too_slow" ? "too_slow" : "too_large", null, {
      maxBytes: REGISTER_FILE_LIMITS.unpacked,
    });
  if (!outcome.reply.ok) throw new Error(`reading failed: ${outcome.reply.message}`);
  const result = outcome.reply.result;
  if (!result.ok)
    throw new Dhis2ReadError(
      result.reason,
      null,
      result.reason === "too_many_rows"
        ? { max: REGISTER_FILE_LIMITS.rows }
        : { maxBytes: REGISTER_FILE_LIMITS.unpacked },
    );
  return result.lines;
}

/** The file's register lines; a file that cannot be read as a whole throws a `Dhis2ReadError`. */
export async function readRegisterFile(file: RegisterFile, today: string): Promise<RegisterLine[]> {
  const head = await firstBytes(file);
  if (looksLikeZip(head) || looksLikeOle(head))
    return registerLines([await workbookLines(file)], today);
  const bytes = "bytes" in file ? file.bytes : null;
  const source = bytes
    ? (async function* () {
        yield bytes;
      })()
    : createReadStream((file as { path: string }).path);
  return registerLines(registerCsvLines(source), today);
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The midwife as a line says her; an empty e-mail or languages cell keeps what is stored. */
function midwifeOf(line: PlannedLine, stored: StoredMidwife | undefined): MidwifeInput {
  const languages = [...new Set(line.languages)];
  return {
    name: line.name,
    qualification: line.qualification ?? stored?.qualification ?? "midwife",
    languages: languages.length > 0 ? languages : (stored?.languages ?? []),
    phone: line.phone === "" ? (stored?.phone ?? null) : line.phone,
    email: line.email === "" ? (stored?.email ?? null) : line.email,
  };
}

const differs = (a: MidwifeInput, b: MidwifeInput) =>
  a.name !== b.name ||
  a.qualification !== b.qualification ||
  !sameList(a.languages, b.languages) ||
  a.phone !== b.phone ||
  a.email !== b.email;

/** Judges the lines against the stored register and writes the good ones, inside `trx`. */
async function applyRegister(
  trx: Tx,
  by: string,
  programmeId: number,
  lines: readonly RegisterLine[],
  fileHash: string | null,
): Promise<RegisterImportSummary> {
  await lockRegisterImports(trx);
  const [facilities, midwives, deployments, trainings] = [
    await facilityKeys(trx),
    await lockedRegister(trx),
    await deploymentsWithin(trx, {}),
    await trainingKeys(trx),
  ];
  const byKey = new Map<string, StoredMidwife>();
  for (const m of midwives) {
    const key = midwifeKey(m.name, m.phone ?? "");
    if (!byKey.has(key)) byKey.set(key, m);
  }
  const keyOf = new Map(midwives.map((m) => [m.id, midwifeKey(m.name, m.phone ?? "")]));
  // The stored deployment a line names (same midwife, programme, facility and first day) is the
  // one it may change: it is left out of those the line's days are checked against.
  const identity = (key: string, facilityId: number, start: string) =>
    `${key}|${facilityId}|${start}`;
  const storedByIdentity = new Map<string, StoredDeployment>();
  for (const d of deployments)
    if (d.programmeId === programmeId)
      storedByIdentity.set(identity(keyOf.get(d.midwifeId) ?? "", d.facilityId, d.startDate), d);
  const named = new Set<number>();
  for (const l of lines) {
    const facilityId = facilities.get(l.facility);
    const d =
      facilityId === undefined
        ? undefined
        : storedByIdentity.get(identity(midwifeKey(l.name, l.phone), facilityId, l.startDate));
    if (d) named.add(d.id);
  }
  const periods = new Map<string, Period[]>();
  for (const d of deployments) {
    if (named.has(d.id)) continue;
    const key = keyOf.get(d.midwifeId) ?? "";
    periods.set(key, [...(periods.get(key) ?? []), d]);
  }
  const plan = planRegister(lines, facilities, periods);

  const trained = new Set(trainings.map((t) => `${t.midwifeId}|${t.topic}|${t.date}`));
  const newIds = await newMidwifeIds(
    trx,
    new Set(plan.accepted.filter((l) => !byKey.has(l.key)).map((l) => l.key)).size,
  );
  const created = new Map<string, StoredMidwife>();
  const changed = new Map<number, MidwifeInput>();
  const newMidwives: StoredMidwife[] = [];
  const newDeployments: DeploymentInput[] = [];
  const newTrainings: TrainingInput[] = [];
  const ends: { id: number; endDate: string | null; endReason: PlannedLine["endReason"] }[] = [];
  const summary: RegisterImportSummary = {
    imported: 0,
    updated: 0,
    ignored: 0,
    rejected: plan.rejected,
    added: { midwives: 0, deployments: 0, trainings: 0 },
  };
  for (const l of plan.accepted) {
    let outcome: "imported" | "updated" | "ignored" = "ignored";
    const stored = byKey.get(l.key);
    let midwife = stored ?? created.get(l.key);
    if (!midwife) {
      const id = newIds[created.size] ?? 0;
      midwife = { id, ...midwifeOf(l, undefined) };
      created.set(l.key, midwife);
      newMidwives.push(midwife);
      outcome = "imported";
    } else if (stored && !changed.has(stored.id)) {
      // The first line of a stored midwife says her fields; the others only her deployments.
      const fields = midwifeOf(l, stored);
      if (differs(fields, stored)) {
        changed.set(stored.id, fields);
        outcome = "updated";
      }
    }
    const found = storedByIdentity.get(identity(l.key, l.facilityId, l.startDate));
    if (!found) {
      newDeployments.push({
        midwifeId: midwife.id,
        programmeId,
        facilityId: l.facilityId,
        startDate: l.startDate,
        endDate: l.endDate,
        endReason: l.endReason,
      });
      outcome = "imported";
    } else if (found.endDate !== l.endDate || found.endReason !== l.endReason) {
      ends.push({ id: found.id, endDate: l.endDate, endReason: l.endReason });
      if (outcome === "ignored") outcome = "updated";
    }
    for (const t of l.trainings) {
      const k = `${midwife.id}|${t.topic}|${t.date}`;
      if (trained.has(k)) continue;
      trained.add(k);
      newTrainings.push({
        midwifeId: midwife.id,
        topic: t.topic,
        date: t.date,
        provider: t.provider === "" ? null : t.provider,
      });
      if (outcome === "ignored") outcome = "updated";
    }
    summary[outcome]++;
  }
  await insertMidwives(trx, newMidwives);
  for (const [id, fields] of changed) await setMidwifeFields(trx, id, fields);
  await insertDeployments(trx, newDeployments);
  for (const e of ends) await setDeploymentEndQuietly(trx, e.id, e);
  await insertTrainings(trx, newTrainings);
  summary.added = {
    midwives: newMidwives.length,
    deployments: newDeployments.length,
    trainings: newTrainings.length,
  };

  const batch = await startBatch(trx, {
    source: "midwife_register_file",
    actor: by,
    fileHash,
    scope: { programmeId },
  });
  await finishBatch(trx, batch, {
    counts: {
      inserted: summary.imported,
      updated: summary.updated,
      unchanged: summary.ignored,
      rejected: summary.rejected.length,
    },
    before: {
      midwives: midwives.filter((m) => changed.has(m.id)),
      deployments: deployments.filter((d) => ends.some((e) => e.id === d.id)),
    },
    written: {
      midwives: [...newMidwives.map((m) => m.id), ...changed.keys()],
      deployments: newDeployments.length + ends.length,
      trainings: newTrainings.length,
    },
    audit: summary.imported + summary.updated > 0,
  });
  return summary;
}

class DryRunDone extends Error {
  readonly summary: RegisterImportSummary;
  constructor(summary: RegisterImportSummary) {
    super("dry run");
    this.summary = summary;
  }
}

/**
 * Imports a register file into a programme (programme.write); a file that cannot be read as a
 * whole throws a `Dhis2ReadError`, an unknown programme a not-found problem.
 */
export async function importRegister(
  db: Db,
  actor: Actor,
  input: RegisterImportInput,
): Promise<RegisterImportSummary> {
  authorise(actor, "programme.write");
  if (!(await findProgramme(db, input.programmeId))) throw notFound("programme", input.programmeId);
  const lines = await readRegisterFile(
    input.file,
    input.today ?? new Date().toISOString().slice(0, 10),
  );
  const by = actorLabel(actor);
  try {
    return await db.transaction().execute(async (trx) => {
      const summary = await applyRegister(trx, by, input.programmeId, lines, input.fileHash);
      if (input.dryRun) throw new DryRunDone(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.summary;
    throw error;
  }
}
