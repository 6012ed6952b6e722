// Importing a DHIS2 export from a file: recognises metadata from values, hashes the file, reads it
// (here with a byte count for a progress bar, or off the main thread in a worker) and runs the
// matching import. A file that cannot be read as a whole throws a `Dhis2ReadError`.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Transform } from "node:stream";
import type { CatalogueData } from "../../domain/health/intake.ts";
import { isReadErrorCode, type ReadErrorCode } from "../../importers/health/dhis2/map.ts";
import { readMetadata } from "../../importers/health/dhis2/metadata/read.ts";
import { readDataValues } from "../../importers/health/dhis2/read.ts";
import type { Database } from "../shared/db.ts";
import { type DataImportSummary, importDataValues } from "./data-import.ts";
import { importMetadata, type MetadataSummary } from "./metadata-import.ts";
import { stageFileInWorker } from "./staged-read.ts";

const METADATA_KEYS = [
  "organisationUnits",
  "dataElements",
  "categoryCombos",
  "categoryOptionCombos",
  "indicators",
  "organisationUnitLevels",
];

/** A metadata export names its collections early and has no `dataValues`. */
export async function looksLikeMetadata(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead).toString("utf8");
    if (!head.trimStart().startsWith("{") || head.includes('"dataValues"')) return false;
    return METADATA_KEYS.some((k) => head.includes(`"${k}"`));
  } finally {
    await handle.close();
  }
}

export async function fileHash(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The reason a file was refused as a whole, when it was; else null. */
export function fileRefusal(
  error: unknown,
): { code: ReadErrorCode; details: Readonly<Record<string, string | number>> } | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (!isReadErrorCode(code)) return null;
  return { code, details: (error as { details?: Record<string, string | number> }).details ?? {} };
}

export interface FileImport {
  path: string;
  kind: "auto" | "metadata" | "values";
  dryRun: boolean;
  actor: string;
  /** Read in this thread, counting bytes (a progress bar), or in a worker thread. */
  inWorker: boolean;
  /** Bytes read so far (when not in a worker) and values read so far. */
  onProgress?: (progress: { bytes: number; size: number; values: number }) => void;
  /** Values merged so far out of those staged (a large import merges in chunks). */
  onMerge?: (merged: number, staged: number) => void;
}

export type FileImportResult =
  | { kind: "metadata"; summary: MetadataSummary }
  | { kind: "values"; summary: DataImportSummary };

/** Throws an ENOENT-style error when the file cannot be opened. */
export async function importDhis2File(
  database: Database,
  input: FileImport,
): Promise<FileImportResult> {
  const { path } = input;
  const size = (await stat(path)).size;
  const metadata =
    input.kind === "metadata" || (input.kind === "auto" && (await looksLikeMetadata(path)));
  const hash = await fileHash(path);
  if (metadata)
    return {
      kind: "metadata",
      summary: await importMetadata(database, {
        items: readMetadata(createReadStream(path)),
        actor: input.actor,
        fileHash: hash,
        dryRun: input.dryRun,
      }),
    };
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  // In a worker, the values are checked and encoded for staging there too.
  const source = input.inWorker
    ? {
        stage: (catalogue: CatalogueData, stagingKey: string) =>
          stageFileInWorker(path, catalogue, stagingKey),
      }
    : { batches: readDataValues(createReadStream(path).pipe(counter)) };
  const summary = await importDataValues(database, {
    ...source,
    actor: input.actor,
    source: "dhis2_file",
    fileHash: hash,
    scope: { file: path },
    dryRun: input.dryRun,
    onProgress: (values) => input.onProgress?.({ bytes, size, values }),
    ...(input.onMerge ? { onMerge: input.onMerge } : {}),
  });
  input.onProgress?.({ bytes: input.inWorker ? size : bytes, size, values: -1 });
  return { kind: "values", summary };
}
