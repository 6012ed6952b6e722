// Pulling data values from a DHIS2 server: optionally its catalogue first (levels, data
// elements, combos, indicators, then every org unit page by page), then one data value set
// query — a data set, an org unit and its descendants, some periods, changed since a date —
// streamed into the same import as a file, so the summary, the batch and the audit are a file's.
// A saved connection's pull records its outcome on the connection.
import type { Database } from "../../db/connect.ts";
import { type Dhis2Connection, recordPull } from "../../db/health/dhis2-connections.ts";
import { type Dhis2AuthSpec, expandPeriods, isSince } from "../../domain/health/dhis2-pull.ts";
import { parsePeriod } from "../../domain/health/periods.ts";
import type { MetadataItem } from "../../importers/health/dhis2/metadata/map.ts";
import {
  type ClientOptions,
  credentialsFrom,
  DEFAULT_AUTH,
  type Dhis2Client,
  Dhis2ServerError,
  defaultAuth,
  dhis2Client,
  isDhis2ServerError,
} from "../../importers/health/dhis2/server.ts";
import { type DataImportSummary, importDataValues } from "./data-import.ts";
import { importMetadata, type MetadataSummary } from "./metadata-import.ts";

/** Where to pull from: a base URL and the environment variables holding the secret. */
export interface ServerConnection {
  /** A saved connection's name, when it is one (it goes into the import's scope). */
  name?: string | null;
  baseUrl: string;
  auth: Dhis2AuthSpec;
}

/** How the client behaves; the defaults suit a real server. */
export type HttpOptions = Omit<ClientOptions, "baseUrl" | "credentials"> & {
  /** Org units per page; 500 by default. */
  pageSize?: number;
};

export interface PullInput {
  connection: ServerConnection;
  /** Where the variables the connection names are read. */
  env: Readonly<Record<string, string | undefined>>;
  dataSet: string;
  orgUnit: string;
  /** DHIS2 period ids ("202201", "2022Q1"…). */
  periods: readonly string[];
  /** Only values changed since this ISO date (or date and time). */
  since?: string;
  /** The catalogue and org units first, so the values find what they refer to. */
  withMetadata?: boolean;
  dryRun: boolean;
  actor: string;
  onProgress?: (read: number) => void;
  http?: HttpOptions;
  batchSize?: number;
}

export interface PullSummary extends DataImportSummary {
  /** The catalogue's import, when asked. */
  metadata: MetadataSummary | null;
  periods: string[];
  /** Requests sent to the server and retries among them. */
  requests: number;
  retries: number;
}

function checkPull(input: PullInput): void {
  if (input.periods.length === 0 || input.periods.some((p) => parsePeriod(p) === null))
    throw new Dhis2ServerError("dhis2_periods_invalid");
  if (input.since !== undefined && !isSince(input.since))
    throw new Dhis2ServerError("dhis2_since_invalid", { value: input.since.slice(0, 40) });
}

async function* catalogueOf(
  client: Dhis2Client,
  pageSize: number | undefined,
): AsyncGenerator<MetadataItem> {
  yield* client.catalogue();
  yield* client.organisationUnits({ pageSize });
}

/**
 * Pulls one query's values (after the catalogue when asked) and imports them. A failure of the
 * server (Dhis2ServerError) or of the answer (Dhis2ReadError) throws and keeps no value.
 */
export async function pullFromServer(database: Database, input: PullInput): Promise<PullSummary> {
  checkPull(input);
  const client = dhis2Client({
    ...input.http,
    baseUrl: input.connection.baseUrl,
    credentials: credentialsFrom(input.connection.auth, input.env),
  });
  const metadata = input.withMetadata
    ? await importMetadata(database, {
        items: catalogueOf(client, input.http?.pageSize),
        actor: input.actor,
        fileHash: null,
        dryRun: input.dryRun,
      })
    : null;
  const periods = [...input.periods];
  const summary = await importDataValues(database, {
    batches: client.dataValues(
      {
        dataSets: [input.dataSet],
        orgUnits: [input.orgUnit],
        periods,
        children: true,
        ...(input.since ? { lastUpdated: input.since } : {}),
      },
      { batchSize: input.batchSize },
    ),
    actor: input.actor,
    source: "dhis2_server",
    fileHash: null,
    scope: {
      server: client.baseUrl,
      ...(input.connection.name ? { connection: input.connection.name } : {}),
      dataSet: input.dataSet,
      orgUnit: input.orgUnit,
      periods,
      ...(input.since ? { since: input.since } : {}),
    },
    dryRun: input.dryRun,
    onProgress: input.onProgress,
  });
  return { ...summary, metadata, periods, ...client.stats };
}

/** What a saved connection's last pull says: counts, or the failure's code. */
export type PullRecord =
  | {
      ok: true;
      imported: number;
      updated: number;
      ignored: number;
      rejected: number;
      deleted: number;
      batchId: string | null;
      periods: string[];
      since: string | null;
    }
  | { ok: false; code: string; status: number | null };

/**
 * Runs a saved connection: its periods expanded on `now`'s day, values changed since its last
 * pull when `incremental`; the outcome, success or failure, is recorded on the connection.
 */
export async function pullConnection(
  database: Database,
  o: {
    connection: Dhis2Connection;
    env: Readonly<Record<string, string | undefined>>;
    actor: string;
    now: Date;
    /** Only what changed since the last pull (when there was one). */
    incremental?: boolean;
    dryRun?: boolean;
    http?: HttpOptions;
    onProgress?: (read: number) => void;
  },
): Promise<PullSummary> {
  const c = o.connection;
  // A day's overlap, as a date: DHIS2 reads a time without zone in its own, and a value
  // pulled twice is only counted unchanged.
  const since =
    o.incremental && c.lastPulledAt
      ? new Date(c.lastPulledAt.getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
      : undefined;
  const record = async (result: PullRecord) => {
    if (!o.dryRun)
      await recordPull(database.db, o.actor, c.id, { ...(result.ok ? { at: o.now } : {}), result });
  };
  try {
    const periods = expandPeriods(c.periods, o.now.toISOString().slice(0, 10));
    if (!periods) throw new Dhis2ServerError("dhis2_periods_invalid");
    const summary = await pullFromServer(database, {
      connection: { name: c.name, baseUrl: c.baseUrl, auth: c.auth },
      env: o.env,
      dataSet: c.dataSet,
      orgUnit: c.orgUnit,
      periods,
      since,
      withMetadata: c.withMetadata,
      dryRun: o.dryRun ?? false,
      actor: o.actor,
      http: o.http,
      onProgress: o.onProgress,
    });
    await record({
      ok: true,
      imported: summary.imported,
      updated: summary.updated,
      ignored: summary.ignored,
      rejected: summary.rejected.length + summary.rejectedNotListed,
      deleted: summary.deleted,
      batchId: summary.batchId,
      periods: summary.periods,
      since: since ?? null,
    });
    return summary;
  } catch (error) {
    const code =
      error instanceof Error && "code" in error && typeof error.code === "string"
        ? error.code
        : "unexpected";
    const status = error instanceof Dhis2ServerError ? error.status : null;
    await record({ ok: false, code, status }).catch(() => {});
    throw error;
  }
}

/** The credentials the environment offers (a token before a username and password), if any. */
export function authFromEnv(env: Readonly<Record<string, string | undefined>>): Dhis2AuthSpec {
  return defaultAuth(env) ?? DEFAULT_AUTH.token;
}

/** A pull that failed as a whole: its code and what its message needs, else null. */
export function pullRefusal(
  error: unknown,
): { code: Dhis2ServerError["code"]; details: Readonly<Record<string, string | number>> } | null {
  return isDhis2ServerError(error) ? { code: error.code, details: error.details } : null;
}
