// Pages an anonymous reader sees are the same for every anonymous reader until the data under
// them changes: the first request of a page renders it, the next ones get the same bytes (and
// their gzip, made once) until a change is announced (src/db/changes.ts) — by this process's
// own writes at once, by any other process or instance when its notice arrives. Only pages a
// route marks shareable are kept (`sharedViewOf`: no account, no form token, nothing the reader
// owns), only with status 200 and no cookie set; a signed-in request is never answered from
// here. The key is the language, the day (what "today" means on a page) and the address, whose
// parameters may only be a page number and the language; the store is bounded in bytes, the
// least recently used page going first.
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { parseAccept } from "hono/utils/accept";
import type { AppEnv } from "./env.ts";

/** What the cache needs of a change feed: see ChangeFeed in src/db/changes.ts. */
export interface ChangeVersion {
  version(): number | null;
  bump(): void;
}

interface Entry {
  version: number;
  type: string;
  etag: string;
  body: Uint8Array;
  gzip: Uint8Array;
  bytes: number;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  pages: number;
  bytes: number;
}

/** The query parameters of the pages kept: a page number and the language asked for. */
const KEPT_PARAMETERS = new Set(["page", "lang"]);

/** 8 MB of pages: the demo's public pages take a few hundred kilobytes. */
const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export class PageCache {
  readonly #changes: ChangeVersion;
  readonly #maxBytes: number;
  // A Map keeps insertion order: re-inserting on each hit makes it least-recently-used first.
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;

  constructor(changes: ChangeVersion, o: { maxBytes?: number } = {}) {
    this.#changes = changes;
    this.#maxBytes = o.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  version(): number | null {
    return this.#changes.version();
  }

  /** This process has written: what was kept may be out of date. */
  changed(): void {
    this.#changes.bump();
  }

  get(key: string, version: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.version !== version) {
      if (entry) this.#drop(key, entry);
      this.#misses += 1;
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.#hits += 1;
    return entry;
  }

  set(key: string, version: number, type: string, body: Uint8Array): void {
    const gzip = gzipSync(body);
    const bytes = body.byteLength + gzip.byteLength + key.length;
    if (bytes > this.#maxBytes / 4) return;
    const old = this.#entries.get(key);
    if (old) this.#drop(key, old);
    const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
    this.#entries.set(key, { version, type, etag, body, gzip, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#drop(oldest, entry);
    }
  }

  stats(): PageCacheStats {
    return {
      hits: this.#hits,
      misses: this.#misses,
      pages: this.#entries.size,
      bytes: this.#bytes,
    };
  }

  #drop(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

/** True when the client takes gzip (q above zero, named or through `*`), as compress decides. */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const accepts = parseAccept(header);
  const choice =
    accepts.find((a) => a.type.toLowerCase() === "gzip") ?? accepts.find((a) => a.type === "*");
  return (choice?.q ?? 0) > 0;
}

/**
 * Answers anonymous GETs of shareable pages from the cache, and keeps what such a request
 * rendered; after any other request that may have written, counts a change.
 */
export function pageCache(cache: PageCache | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!cache) return next();
    const method = c.req.method;
    if (method !== "GET" && method !== "HEAD") {
      try {
        await next();
      } finally {
        cache.changed();
      }
      return;
    }
    if ((c.get("actor")?.kind ?? "anonymous") !== "anonymous") return next();
    const version = cache.version();
    if (version === null) return next();
    const url = new URL(c.req.url);
    // Only addresses whose every parameter is one a shareable page reads, each once, are kept:
    // anything else (a search, an unknown or repeated parameter) is rendered, so that made-up
    // addresses cannot push the real pages out.
    const names = [...url.searchParams.keys()];
    if (names.some((n, i) => !KEPT_PARAMETERS.has(n) || names.indexOf(n) !== i)) return next();
    const day = new Date().toISOString().slice(0, 10);
    const key = `${c.get("lang")} ${day} ${url.pathname}${url.search}`;
    const hit = cache.get(key, version);
    if (hit) {
      const gzip = acceptsGzip(c.req.header("Accept-Encoding"));
      const headers = new Headers({
        "Content-Type": hit.type,
        ETag: gzip ? `W/${hit.etag}` : hit.etag,
        Vary: "Accept-Encoding",
      });
      if (gzip) headers.set("Content-Encoding", "gzip");
      const body = method === "HEAD" ? null : gzip ? hit.gzip : hit.body;
      return new Response(body as BodyInit | null, { status: 200, headers });
    }
    await next();
    const res = c.res;
    const type = res.headers.get("Content-Type") ?? "";
    if (
      method !== "GET" ||
      c.get("shareable") !== true ||
      res.status !== 200 ||
      res.headers.has("Set-Cookie") ||
      !type.startsWith("text/html")
    )
      return;
    cache.set(key, version, type, new Uint8Array(await res.clone().arrayBuffer()));
  };
}
