// A client for one DHIS2 server's Web API (Node's fetch): data value sets streamed into the file
// readers, organisation units page by page, and the catalogue from /api/metadata. It refuses
// anything but http(s), follows redirects only on the same origin, gives up on a silent server,
// retries 5xx and network failures with backoff, and turns 401/403/404 into typed failures.
// Credentials are read from the environment by name and never appear in an error.
import { Readable } from "node:stream";
import {
  DEFAULT_PASSWORD_VAR,
  DEFAULT_TOKEN_VAR,
  DEFAULT_USERNAME_VAR,
  type Dhis2AuthSpec,
  type Dhis2PullCode,
} from "../../../domain/health/dhis2-pull.ts";
import type { DataValueRecord } from "./map.ts";
import { type MetadataItem, metadataItem } from "./metadata/map.ts";
import { readMetadata } from "./metadata/read.ts";
import { readDataValues } from "./read.ts";

export type Dhis2Credentials =
  | { kind: "token"; token: string }
  | { kind: "basic"; username: string; password: string };

/** A pull that failed: its code, the HTTP status when there was one, and the path asked. */
export class Dhis2ServerError extends Error {
  readonly code: Dhis2PullCode;
  readonly status: number | null;
  /** What a message needs: the path asked (no query, no credentials), a variable's name… */
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: Dhis2PullCode,
    details: Readonly<Record<string, string | number>> = {},
    status: number | null = null,
  ) {
    super(status === null ? `dhis2 server: ${code}` : `dhis2 server: ${code} (HTTP ${status})`);
    this.name = "Dhis2ServerError";
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export function isDhis2ServerError(error: unknown): error is Dhis2ServerError {
  return error instanceof Dhis2ServerError;
}

/** The variables a connection reads its secret from, by default. */
export const DEFAULT_AUTH: { token: Dhis2AuthSpec; basic: Dhis2AuthSpec } = {
  token: { kind: "token", tokenVar: DEFAULT_TOKEN_VAR },
  basic: { kind: "basic", usernameVar: DEFAULT_USERNAME_VAR, passwordVar: DEFAULT_PASSWORD_VAR },
};

/**
 * The credentials an auth spec names, read from `env`; a variable unset or empty is
 * `dhis2_credentials_missing`, naming the variable (never a value).
 */
export function credentialsFrom(
  spec: Dhis2AuthSpec,
  env: Readonly<Record<string, string | undefined>>,
): Dhis2Credentials {
  const read = (name: string) => {
    const value = env[name];
    if (value === undefined || value === "")
      throw new Dhis2ServerError("dhis2_credentials_missing", { variable: name });
    return value;
  };
  return spec.kind === "token"
    ? { kind: "token", token: read(spec.tokenVar) }
    : { kind: "basic", username: read(spec.usernameVar), password: read(spec.passwordVar) };
}

/**
 * Which default variables are set: a token wins over a user name and password. Null when
 * neither is complete.
 */
export function defaultAuth(
  env: Readonly<Record<string, string | undefined>>,
): Dhis2AuthSpec | null {
  if (env[DEFAULT_TOKEN_VAR]) return DEFAULT_AUTH.token;
  if (env[DEFAULT_USERNAME_VAR] && env[DEFAULT_PASSWORD_VAR]) return DEFAULT_AUTH.basic;
  return null;
}

/**
 * A DHIS2 base URL as the client uses it (no trailing slash, no query): http or https only,
 * with no credentials in it. Throws the failure otherwise.
 */
export function checkBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Dhis2ServerError("dhis2_url_invalid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Dhis2ServerError("dhis2_url_scheme", { scheme: url.protocol.replace(/:$/, "") });
  if (url.username !== "" || url.password !== "")
    throw new Dhis2ServerError("dhis2_url_credentials");
  url.search = "";
  url.hash = "";
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}

export interface ClientOptions {
  baseUrl: string;
  credentials: Dhis2Credentials | null;
  /** Longest wait for an answer to start, or between two parts of it; 60 s by default. */
  timeoutMs?: number;
  /** Tries after the first on a 5xx, a timeout or a network failure; 3 by default. */
  retries?: number;
  /** The first wait before a retry, doubled each time, plus up to as much again at random. */
  backoffMs?: number;
  /** Same-origin redirects followed at most in one request; 3 by default. */
  maxRedirects?: number;
}

export interface DataValueQuery {
  dataSets: readonly string[];
  orgUnits: readonly string[];
  periods: readonly string[];
  /** The org units' descendants too (DHIS2's `children=true`); true by default. */
  children?: boolean;
  /** Only values changed since (DHIS2's `lastUpdated`, an ISO date or time). */
  lastUpdated?: string;
}

/** The collections asked of /api/metadata for the catalogue (org units come page by page). */
export const CATALOGUE_COLLECTIONS = [
  "organisationUnitLevels",
  "dataElements",
  "categoryCombos",
  "categories",
  "categoryOptions",
  "categoryOptionCombos",
  "indicators",
  "indicatorTypes",
] as const;

export const ORG_UNIT_FIELDS =
  "id,code,name,shortName,level,path,parent[id],openingDate,closedDate,geometry";

/** One org-unit page is read whole (it is bounded by its size), so its size is capped. */
const MAX_PAGE_BYTES = 64 * 1024 ** 2;
const MAX_PAGES = 10_000;

export interface Dhis2Client {
  /** The base URL, as checked. */
  readonly baseUrl: string;
  /** Requests sent and retries made so far (redirects followed count as requests). */
  readonly stats: { requests: number; retries: number };
  /** A successful answer (2xx) to GET `path` (under the base URL) with these parameters. */
  get(path: string, params: URLSearchParams, accept?: string): Promise<Response>;
  /** The values of a data value set query, in batches, read as they arrive. */
  dataValues(query: DataValueQuery, o?: { batchSize?: number }): AsyncGenerator<DataValueRecord[]>;
  /** Every org unit, page after page, as metadata items. */
  organisationUnits(o?: { pageSize?: number }): AsyncGenerator<MetadataItem>;
  /** The catalogue: levels, data elements, combos and options, indicators. */
  catalogue(): AsyncGenerator<MetadataItem>;
}

export function dhis2Client(o: ClientOptions): Dhis2Client {
  const base = checkBaseUrl(o.baseUrl);
  const timeoutMs = o.timeoutMs ?? 60_000;
  const retries = o.retries ?? 3;
  const backoffMs = o.backoffMs ?? 500;
  const maxRedirects = o.maxRedirects ?? 3;
  const stats = { requests: 0, retries: 0 };
  // The server's path without its last slash ("/dhis" or ""), before each endpoint's.
  const root = base.pathname.replace(/\/+$/, "");
  const headers: Record<string, string> = { "user-agent": "Jalon" };
  if (o.credentials?.kind === "token") headers.authorization = `ApiToken ${o.credentials.token}`;
  if (o.credentials?.kind === "basic")
    headers.authorization = `Basic ${Buffer.from(`${o.credentials.username}:${o.credentials.password}`).toString("base64")}`;

  /** One request, redirects on the same origin followed, with its silence timer. */
  const once = async (
    url: URL,
    accept: string,
  ): Promise<{ response: Response; timer: IdleTimer }> => {
    let current = url;
    for (let hop = 0; ; hop++) {
      const timer = idleTimer(timeoutMs);
      stats.requests += 1;
      let response: Response;
      try {
        response = await fetch(current, {
          headers: { ...headers, accept },
          redirect: "manual",
          signal: timer.signal,
        });
      } catch (error) {
        timer.stop();
        throw timer.fired
          ? new Dhis2ServerError("dhis2_timeout", { path: current.pathname })
          : networkError(error, current);
      }
      if (response.status < 300 || response.status >= 400) return { response, timer };
      timer.stop();
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get("location");
      const next = location ? safeUrl(location, current) : null;
      // Another origin would receive the credentials: refused, whatever it is.
      if (!next || next.origin !== base.origin)
        throw new Dhis2ServerError(
          "dhis2_redirect_refused",
          { path: current.pathname },
          response.status,
        );
      if (hop >= maxRedirects)
        throw new Dhis2ServerError(
          "dhis2_redirect_loop",
          { path: current.pathname },
          response.status,
        );
      current = next;
    }
  };

  const get = async (path: string, params: URLSearchParams, accept = "application/json") => {
    const url = new URL(`${root}${path}`, base);
    url.search = params.toString();
    for (let attempt = 0; ; attempt++) {
      let failure: Dhis2ServerError;
      try {
        const { response, timer } = await once(url, accept);
        if (response.ok) return watched(response, timer, url);
        timer.stop();
        failure = await statusError(response, url);
      } catch (error) {
        if (!(error instanceof Dhis2ServerError)) throw error;
        failure = error;
      }
      const transient =
        failure.code === "dhis2_server_error" ||
        failure.code === "dhis2_timeout" ||
        failure.code === "dhis2_network";
      if (!transient || attempt >= retries) throw failure;
      stats.retries += 1;
      const wait = backoffMs * 2 ** attempt;
      await sleep(wait + Math.random() * wait);
    }
  };

  const json = async (path: string, params: URLSearchParams): Promise<Response> => {
    const response = await get(path, params);
    if (!/json/i.test(response.headers.get("content-type") ?? "")) {
      await response.body?.cancel().catch(() => {});
      throw new Dhis2ServerError("dhis2_unexpected_response", { path: `${root}${path}` });
    }
    return response;
  };

  return {
    baseUrl: `${base.origin}${root}`,
    stats,
    get,
    async *dataValues(query, options = {}) {
      const params = new URLSearchParams();
      for (const d of query.dataSets) params.append("dataSet", d);
      for (const u of query.orgUnits) params.append("orgUnit", u);
      for (const p of query.periods) params.append("period", p);
      params.set("children", String(query.children ?? true));
      if (query.lastUpdated) params.set("lastUpdated", query.lastUpdated);
      const response = await json("/api/dataValueSets.json", params);
      yield* readDataValues(bodyOf(response), { batchSize: options.batchSize });
    },
    async *organisationUnits(options = {}) {
      let index = 0;
      for (let page = 1; page <= MAX_PAGES; page++) {
        const params = new URLSearchParams({
          paging: "true",
          page: String(page),
          pageSize: String(options.pageSize ?? 500),
          fields: ORG_UNIT_FIELDS,
          order: "level:asc",
        });
        const response = await json("/api/organisationUnits.json", params);
        const body = await pageOf(response);
        const units = Array.isArray(body.organisationUnits) ? body.organisationUnits : [];
        for (const unit of units) yield metadataItem("organisationUnits", unit, index++);
        // The next page is asked by number under our own base URL: `nextPage` is an address the
        // server writes from its own settings, which may name another host behind a proxy.
        const pager = isObject(body.pager) ? body.pager : {};
        const more =
          typeof pager.nextPage === "string" ||
          (typeof pager.pageCount === "number" && page < pager.pageCount);
        if (!more || units.length === 0) return;
      }
    },
    async *catalogue() {
      const params = new URLSearchParams();
      for (const c of CATALOGUE_COLLECTIONS) params.set(c, "true");
      const response = await json("/api/metadata.json", params);
      yield* readMetadata(bodyOf(response));
    },
  };
}

interface IdleTimer {
  signal: AbortSignal;
  readonly fired: boolean;
  /** Starts the wait again: a part of the answer arrived. */
  touch(): void;
  stop(): void;
}

/**
 * An abort that fires after `ms` of silence. AbortSignal.timeout would bound the whole
 * download, and a country's values can take longer than any one timeout while still arriving.
 */
function idleTimer(ms: number): IdleTimer {
  const controller = new AbortController();
  let fired = false;
  let handle: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(handle);
    handle = setTimeout(() => {
      fired = true;
      controller.abort(new Dhis2ServerError("dhis2_timeout"));
    }, ms);
    handle.unref();
  };
  arm();
  return {
    signal: controller.signal,
    get fired() {
      return fired;
    },
    touch: arm,
    stop: () => clearTimeout(handle),
  };
}

/** The response whose body keeps the silence timer going until it is read to its end. */
function watched(response: Response, timer: IdleTimer, url: URL): Response {
  const body = response.body;
  if (!body) {
    timer.stop();
    return response;
  }
  const reader = body.getReader();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          timer.stop();
          controller.close();
          return;
        }
        timer.touch();
        controller.enqueue(next.value);
      } catch (error) {
        timer.stop();
        controller.error(
          timer.fired
            ? new Dhis2ServerError("dhis2_timeout", { path: url.pathname })
            : networkError(error, url),
        );
      }
    },
    cancel(reason) {
      timer.stop();
      return reader.cancel(reason);
    },
  });
  return new Response(stream, { status: response.status, headers: response.headers });
}

/** The body as the file readers take it: a Node stream of bytes. */
function bodyOf(response: Response): Readable {
  if (!response.body) return Readable.from([]);
  return Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
}

async function pageOf(response: Response): Promise<Record<string, unknown>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bodyOf(response)) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_PAGE_BYTES) {
      throw new Dhis2ServerError("dhis2_unexpected_response", { path: "/api/organisationUnits" });
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (isObject(parsed)) return parsed;
  } catch {
    // Falls through to the failure below.
  }
  throw new Dhis2ServerError("dhis2_unexpected_response", { path: "/api/organisationUnits" });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function safeUrl(location: string, from: URL): URL | null {
  try {
    return new URL(location, from);
  } catch {
    return null;
  }
}

function networkError(error: unknown, url: URL): Dhis2ServerError {
  if (error instanceof Dhis2ServerError) return error;
  // fetch's own message says only "fetch failed"; its cause names the system error.
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const reason = typeof cause?.code === "string" ? cause.code : "fetch_failed";
  return new Dhis2ServerError("dhis2_network", { path: url.pathname, reason });
}

/** The failure a status says; DHIS2's own short message (JSON `message`) goes with a 4xx. */
async function statusError(response: Response, url: URL): Promise<Dhis2ServerError> {
  const path = url.pathname;
  const status = response.status;
  const detail = status >= 400 && status < 500 ? await messageOf(response) : null;
  if (status < 400 || status >= 500) await response.body?.cancel().catch(() => {});
  if (status === 401) return new Dhis2ServerError("dhis2_unauthorized", { path }, status);
  if (status === 403) return new Dhis2ServerError("dhis2_forbidden", { path }, status);
  if (status === 404) return new Dhis2ServerError("dhis2_not_found", { path }, status);
  if (status >= 500) return new Dhis2ServerError("dhis2_server_error", { path }, status);
  return new Dhis2ServerError(
    "dhis2_rejected",
    detail ? { path, message: detail } : { path },
    status,
  );
}

async function messageOf(response: Response): Promise<string | null> {
  try {
    const text = (await response.text()).slice(0, 64 * 1024);
    const parsed: unknown = JSON.parse(text);
    if (isObject(parsed) && typeof parsed.message === "string") return parsed.message.slice(0, 300);
  } catch {
    // Not DHIS2's JSON: no detail.
  }
  return null;
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
