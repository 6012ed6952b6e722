// The request side of the DHIS2 client: the base URL checked (http or https, no credentials in
// it), the credentials read from the environment by name, one GET with its redirects (same
// origin only), its silence timer and its retries (5xx, timeouts, network failures, with
// exponential backoff and jitter), and each failing status as a typed failure. No credential
// ever goes into an error: they live only in the request headers.
import {
  DEFAULT_PASSWORD_VAR,
  DEFAULT_TOKEN_VAR,
  DEFAULT_USERNAME_VAR,
  type Dhis2AuthSpec,
  type Dhis2PullCode,
} from "../../../domain/health/dhis2-pull.ts";

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

/** GETs under one base URL, counted. */
export interface HttpSession {
  /** The base URL, as checked, without its last slash. */
  readonly baseUrl: string;
  /** Requests sent and retries made so far (redirects followed count as requests). */
  readonly stats: { requests: number; retries: number };
  /** A successful answer (2xx) to GET `path` (under the base URL) with these parameters. */
  get(path: string, params: URLSearchParams, accept?: string): Promise<Response>;
  /** As `get`, refusing an answer that is not JSON (a sign-in page, a proxy's error page). */
  json(path: string, params: URLSearchParams): Promise<Response>;
}

export function openHttp(o: ClientOptions): HttpSession {
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

  return { baseUrl: `${base.origin}${root}`, stats, get, json };
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
  const details = { path, status };
  const detail = status >= 400 && status < 500 ? await messageOf(response) : null;
  if (status < 400 || status >= 500) await response.body?.cancel().catch(() => {});
  if (status === 401) return new Dhis2ServerError("dhis2_unauthorized", details, status);
  if (status === 403) return new Dhis2ServerError("dhis2_forbidden", details, status);
  if (status === 404) return new Dhis2ServerError("dhis2_not_found", details, status);
  if (status >= 500) return new Dhis2ServerError("dhis2_server_error", details, status);
  return new Dhis2ServerError(
    "dhis2_rejected",
    detail ? { ...details, message: detail } : details,
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
