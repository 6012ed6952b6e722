// A soak: the real server (`jalon serve`, a child process) under a bounded loopback load of every
// kind at once — public pages, report downloads and result cards (wrk, one process per kind, a
// few keep-alive connections each) and the questionnaire API (signed-in respondents reading
// their questionnaire and saving answers, each save with the version it replaces) — for
// BENCH_SOAK_SECONDS per store, on PGlite and PostgreSQL. Meanwhile the server's resident
// memory is sampled from /proc. At the end: the RSS curve, every status counted (any 5xx fails),
// p50/p99 per kind, and no lost write (every acknowledged save is in the database, read back
// through the API and by SQL once the server has stopped). Beside each p99, the reference: the
// bare Hono handler (bench/lib/bare-hono.ts) serving the home page's HTML under the same wrk
// load, measured in the same run just before the soak.
//   npx node bench/soak.ts [--store pglite|postgres|both]
// BENCH_SOAK_SECONDS (180, 10–300), BENCH_SOAK_REFERENCE_SECONDS (15), BENCH_SOAK_SAMPLE_SECONDS
// (5), BENCH_SOAK_CONNECTIONS (pages, 4), BENCH_SOAK_WRITERS (answer loops, 4). PostgreSQL from
// BENCH_DATABASE_URL (or the local server when it answers), in a throwaway database served with
// `--demo`. Needs wrk (`apt-get install wrk`): without it the soak stops before starting.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { type DatabaseConfig, openDatabase } from "../src/db/connect.ts";
import { addUser } from "../src/services/tracker/users.ts";
import { openCycle2023, PASSWORD } from "../test/support/world.ts";
import {
  type Backend,
  createScratchDatabase,
  DASHBOARD_PAGE,
  explainFailure,
  intFromEnv,
  makeTempDir,
  onInterrupt,
  PUBLIC_PAGES,
  percentile,
  postgresAdminUrl,
  printTable,
  removeDir,
  runInfo,
  type ScratchDatabase,
  type StartedServer,
  sleep,
  startReference,
  startServer,
  stopServer,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const SECONDS = intFromEnv("BENCH_SOAK_SECONDS", 180, 10, 300);
const REFERENCE_SECONDS = intFromEnv("BENCH_SOAK_REFERENCE_SECONDS", 15, 5, 60);
const SAMPLE_SECONDS = intFromEnv("BENCH_SOAK_SAMPLE_SECONDS", 5, 1, 60);
const PAGE_CONNECTIONS = intFromEnv("BENCH_SOAK_CONNECTIONS", 4, 1, 64);
const WRITERS = intFromEnv("BENCH_SOAK_WRITERS", 4, 1, 32);
/** Memory is flat when the last third's median RSS is within this of the middle third's. */
const FLAT_MB = 50;

const { values: flags } = parseArgs({
  options: { store: { type: "string", default: "both" } },
});
if (!["pglite", "postgres", "both"].includes(flags.store ?? ""))
  throw new Error("--store pglite|postgres|both");

function wrkVersion(): string | null {
  try {
    return execFileSync("wrk", ["--version"], { encoding: "utf8", stdio: "pipe" }).trim();
  } catch (error) {
    // wrk prints its version and usage, then exits 1: having run at all is what counts.
    const out = (error as { stdout?: string }).stdout ?? "";
    return /^wrk /.test(out) ? (out.split("\n")[0] ?? "wrk").replace(/ Copyright.*/, "") : null;
  }
}
const WRK = wrkVersion();
if (!WRK) {
  console.error(
    "bench/soak.ts needs wrk (the HTTP load generator) on the PATH: `apt-get install wrk` " +
      "(Debian/Ubuntu) or `brew install wrk`. Nothing was started.",
  );
  process.exit(2);
}

const REPORTS = ["pdf", "docx", "xlsx", "html"].map((f) => `/cycles/2022/report.${f}`);
const CARDS = ["1-square", "1-wide", "2-square", "2-wide"].map(
  (c) => `${DASHBOARD_PAGE}/cards/${c}.png`,
);
const RESPONDENTS = [
  { email: "soak-psi@jalon.test", partner: "psi" },
  { email: "soak-msi@jalon.test", partner: "msi" },
];

// ---------------------------------------------------------------------------------------------
// wrk: one process per kind of request, its statuses counted in Lua.

interface LoadFigures {
  requests: number;
  statuses: Record<string, number>;
  /** Connection, read, write errors and timeouts (wrk's own counts). */
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

/** A wrk script asking the paths in turn (gzip accepted), counting statuses per thread. */
function wrkScript(paths: readonly string[]): string {
  return `local paths = {${paths.map((p) => JSON.stringify(p)).join(", ")}}
local threads = {}
local n = 0
counts = {}
wrk.headers["Accept-Encoding"] = "gzip"
function setup(thread) table.insert(threads, thread) end
function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end
function done(summary, latency, requests)
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("counts")) do
      io.write(string.format("STATUS %d %d\\n", status, count))
    end
  end
  local e = summary.errors
  io.write(string.format("ERRORS %d\\n", e.connect + e.read + e.write + e.timeout))
  io.write(string.format("LATENCY %d %d %d %d\\n", summary.requests,
    latency:percentile(50), latency:percentile(99), latency.max))
end
`;
}

interface WrkRun {
  child: ChildProcess;
  result: Promise<LoadFigures>;
}

function runWrk(
  base: string,
  scriptFile: string,
  connections: number,
  seconds: number,
  timeoutSeconds = 30,
): WrkRun {
  const child = spawn(
    "wrk",
    [
      "-t1",
      `-c${connections}`,
      `-d${seconds}s`,
      `--timeout`,
      `${timeoutSeconds}s`,
      "-s",
      scriptFile,
      `${base}/`,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const result = new Promise<LoadFigures>((done, fail) => {
    child.once("exit", (code) => {
      const latency = /^LATENCY (\d+) (\d+) (\d+) (\d+)$/m.exec(out);
      if (code !== 0 || !latency) {
        fail(new Error(`wrk exited ${code}:\n${out}`));
        return;
      }
      const statuses: Record<string, number> = {};
      for (const m of out.matchAll(/^STATUS (\d+) (\d+)$/gm))
        statuses[m[1] ?? ""] = (statuses[m[1] ?? ""] ?? 0) + Number(m[2]);
      done({
        requests: Number(latency[1]),
        statuses,
        errors: Number(/^ERRORS (\d+)$/m.exec(out)?.[1] ?? 0),
        p50: Number(latency[2]) / 1000,
        p99: Number(latency[3]) / 1000,
        max: Number(latency[4]) / 1000,
      });
    });
  });
  return { child, result };
}

// ---------------------------------------------------------------------------------------------
// The questionnaire API, as a signed-in respondent's browser calls it.

class Session {
  private jar = new Map<string, string>();
  csrf = "";
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  private keep(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) this.jar.set(k.trim(), v.join("="));
    }
    return res;
  }

  cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async page(path: string): Promise<string> {
    const res = this.keep(
      await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie() } }),
    );
    const text = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return text;
  }

  async signIn(email: string, password: string, then: string): Promise<void> {
    await this.page("/login");
    const res = this.keep(
      await fetch(`${this.base}/login`, {
        method: "POST",
        redirect: "manual",
        body: new URLSearchParams({ _csrf: this.csrf, email, password }),
        headers: { cookie: this.cookie(), "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    await res.text();
    if (res.status !== 303 && res.status !== 302) throw new Error(`sign-in: HTTP ${res.status}`);
    await this.page(then);
  }

  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      ...init,
      headers: {
        cookie: this.cookie(),
        "x-csrf-token": this.csrf,
        ...(init.headers as Record<string, string>),
      },
    });
  }
}

interface Questionnaire {
  commitments: {
    indicators: { code: string; answer?: { version?: number; activities?: string } | null }[];
  }[];
}

interface Ack {
  partner: string;
  code: string;
  clientId: string;
  version: number;
  activities: string;
}

interface ApiFigures {
  reads: number[];
  saves: number[];
  statuses: { reads: Record<string, number>; saves: Record<string, number> };
  acks: Ack[];
  errors: number;
}

/** One writer: one indicator of one partner, saved again and again, read back now and then. */
async function writer(
  session: Session,
  partner: string,
  code: string,
  start: number,
  until: number,
  figures: ApiFigures,
  tag: string,
): Promise<void> {
  let version = start;
  let i = 0;
  const count = (kind: "reads" | "saves", status: number) => {
    const s = figures.statuses[kind];
    s[status] = (s[status] ?? 0) + 1;
  };
  while (performance.now() < until) {
    i++;
    try {
      if (i % 4 === 0) {
        const t = performance.now();
        const res = await session.fetch(`/api/q/2023/${partner}`);
        await res.arrayBuffer();
        figures.reads.push(performance.now() - t);
        count("reads", res.status);
        continue;
      }
      const clientId = `soak-${tag}-${i}-${Date.now().toString(36)}`;
      const activities = `Soak ${tag} save ${i}`;
      const t = performance.now();
      const res = await session.fetch(`/api/q/2023/${partner}/${code}`, {
        method: "PUT",
        body: JSON.stringify({
          answer: {
            contributes: "yes",
            activities,
            collaboratorIds: [],
            collaboratorsText: null,
            difficulties: null,
            outputs: [{ value: String(i), unit: "sessions", description: "Sessions" }],
            evidence: [],
          },
          submit: false,
        }),
        headers: {
          "content-type": "application/json",
          "if-match": `"${version}"`,
          "x-client-id": clientId,
        },
      });
      const body = (await res.json().catch(() => ({}))) as { version?: number; current?: unknown };
      figures.saves.push(performance.now() - t);
      count("saves", res.status);
      if (res.status === 200 && typeof body.version === "number") {
        version = body.version;
        figures.acks.push({ partner, code, clientId, version, activities });
      } else if (res.status === 412 || res.status === 409) {
        // Stale (should not happen: one writer per answer): start again from what is stored.
        const q = (await (await session.fetch(`/api/q/2023/${partner}`)).json()) as Questionnaire;
        const found = q.commitments.flatMap((c) => c.indicators).find((x) => x.code === code);
        version = found?.answer?.version ?? version;
      }
    } catch {
      figures.errors++;
      await sleep(50);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One store.

interface StoreResult {
  store: "PGlite" | "PostgreSQL";
  seconds: number;
  load: [number, number, number];
  reference: LoadFigures;
  pages: LoadFigures;
  reports: LoadFigures;
  cards: LoadFigures;
  api: {
    reads: { n: number; p50: number; p99: number };
    saves: { n: number; p50: number; p99: number };
    statuses: { reads: Record<string, number>; saves: Record<string, number> };
    errors: number;
  };
  rss: { t: number; mb: number }[];
  peakMb: number | undefined;
  growthMb: number;
  slopeMbPerMin: number;
  acknowledged: number;
  lostByApi: number;
  lostBySql: number;
  fiveHundreds: number;
}

const rssMb = (pid: number): number | undefined => {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m?.[1] ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
};
const hwmMb = (pid: number): number | undefined => {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m?.[1] ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
};

/** The respondents' accounts and the open 2023 cycle, written while no server runs. */
async function prepare(config: DatabaseConfig): Promise<void> {
  const database = await openDatabase(config);
  try {
    await openCycle2023(database.db);
    for (const r of RESPONDENTS)
      await addUser(database.db, "bench", {
        email: r.email,
        name: `Soak ${r.partner}`,
        role: "respondent",
        partnerSlug: r.partner,
        password: PASSWORD,
      });
    await database.flush();
  } finally {
    await database.close();
  }
}

/** How many acknowledged saves the database does not hold with their version (by SQL). */
async function lostBySql(config: DatabaseConfig, acks: readonly Ack[]): Promise<number> {
  const database = await openDatabase(config);
  try {
    const got = await sql<{ client_id: string; version: number }>`
      select client_id, version from client_writes where client_id like 'soak-%'`.execute(
      database.db,
    );
    const stored = new Map(got.rows.map((r) => [r.client_id, Number(r.version)]));
    return acks.filter((a) => stored.get(a.clientId) !== a.version).length;
  } finally {
    await database.close();
  }
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const fives = (o: Record<string, number>) =>
  Object.entries(o).reduce((a, [k, v]) => a + (k.startsWith("5") ? v : 0), 0);
const median = (xs: number[]) => percentile(xs, 50);

async function soakStore(
  store: StoreResult["store"],
  backend: Backend,
  config: DatabaseConfig,
  dir: string,
): Promise<StoreResult> {
  // First start (migrations and the demo), then the accounts, then the server again.
  console.error(`[${store}] first start: migrations and the demo…`);
  await stopServer(await startServer(backend, { timeoutMs: 180_000 }));
  await prepare(config);
  const server: StartedServer = await startServer(backend, { timeoutMs: 120_000 });
  try {
    const base = server.baseUrl;
    const home = await (await fetch(`${base}/`)).text();
    const homeFile = join(dir, "home.html");
    await writeFile(homeFile, home);
    const scripts = {
      pages: join(dir, "pages.lua"),
      reports: join(dir, "reports.lua"),
      cards: join(dir, "cards.lua"),
      reference: join(dir, "reference.lua"),
    };
    await writeFile(scripts.pages, wrkScript(PUBLIC_PAGES));
    await writeFile(scripts.reports, wrkScript(REPORTS));
    await writeFile(scripts.cards, wrkScript(CARDS));
    await writeFile(scripts.reference, wrkScript(["/"]));

    // Every URL answers before the load starts (a wrong path would only count as 404s).
    for (const path of [...PUBLIC_PAGES, ...REPORTS, ...CARDS]) {
      const res = await fetch(`${base}${path}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} before the soak`);
    }

    // The reference, under the wrk load of the pages, just before.
    console.error(`[${store}] reference: bare Hono, ${REFERENCE_SECONDS} s…`);
    const reference = await startReference(homeFile);
    let referenceFigures: LoadFigures;
    try {
      referenceFigures = await runWrk(
        reference.url,
        scripts.reference,
        PAGE_CONNECTIONS,
        REFERENCE_SECONDS,
      ).result;
    } finally {
      reference.stop();
    }

    // The respondents, each with its questionnaire's first indicators, one writer each.
    const writers: { session: Session; partner: string; code: string; version: number }[] = [];
    for (const r of RESPONDENTS) {
      const session = new Session(base);
      await session.signIn(r.email, PASSWORD, `/q/2023/${r.partner}`);
      const q = (await (await session.fetch(`/api/q/2023/${r.partner}`)).json()) as Questionnaire;
      const indicators = q.commitments.flatMap((c) => c.indicators);
      const share = Math.ceil(WRITERS / RESPONDENTS.length);
      for (const ind of indicators.slice(0, share))
        writers.push({
          session,
          partner: r.partner,
          code: ind.code,
          version: ind.answer?.version ?? 0,
        });
    }
    const used = writers.slice(0, WRITERS);

    console.error(`[${store}] soak: ${SECONDS} s, ${used.length} writers…`);
    const started = performance.now();
    const until = started + SECONDS * 1000;
    const rss: { t: number; mb: number }[] = [];
    const sample = () => {
      const mb = rssMb(server.pid);
      if (mb !== undefined) rss.push({ t: (performance.now() - started) / 1000, mb });
    };
    sample();
    const sampler = setInterval(sample, SAMPLE_SECONDS * 1000);
    const api: ApiFigures = {
      reads: [],
      saves: [],
      statuses: { reads: {}, saves: {} },
      acks: [],
      errors: 0,
    };
    const runs = {
      pages: runWrk(base, scripts.pages, PAGE_CONNECTIONS, SECONDS),
      reports: runWrk(base, scripts.reports, 1, SECONDS, 60),
      cards: runWrk(base, scripts.cards, 1, SECONDS, 60),
    };
    let figures: [LoadFigures, LoadFigures, LoadFigures];
    try {
      const loops = used.map((w, i) =>
        writer(w.session, w.partner, w.code, w.version, until, api, `${store}-${i}`),
      );
      figures = await Promise.all([
        runs.pages.result,
        runs.reports.result,
        runs.cards.result,
        ...loops,
      ]).then((all) => [all[0], all[1], all[2]] as [LoadFigures, LoadFigures, LoadFigures]);
    } catch (error) {
      for (const r of Object.values(runs)) r.child.kill("SIGTERM");
      throw explainFailure(server, error, "the soak");
    } finally {
      clearInterval(sampler);
    }
    sample();
    const [pages, reports, cards] = figures;
    const peakMb = hwmMb(server.pid);

    // Read back through the API: each answer holds its last acknowledged save.
    const last = new Map<string, Ack>();
    for (const a of api.acks) last.set(`${a.partner}/${a.code}`, a);
    let lostByApi = 0;
    for (const w of used) {
      const ack = last.get(`${w.partner}/${w.code}`);
      if (!ack) continue;
      const q = (await (await w.session.fetch(`/api/q/2023/${w.partner}`)).json()) as Questionnaire;
      const found = q.commitments.flatMap((c) => c.indicators).find((x) => x.code === w.code);
      if (found?.answer?.version !== ack.version || found.answer.activities !== ack.activities)
        lostByApi++;
    }
    await stopServer(server);
    // And by SQL, once the server has stopped: every acknowledged save's id, with its version.
    const lostSql = await lostBySql(config, api.acks);

    const after = rss.filter((r) => r.t >= SECONDS / 3 - 0.01 && r.t < (2 * SECONDS) / 3);
    const end = rss.filter((r) => r.t >= (2 * SECONDS) / 3);
    const growthMb =
      after.length && end.length
        ? median(end.map((r) => r.mb)) - median(after.map((r) => r.mb))
        : 0;
    // The trend of the second half, by least squares, in MB per minute.
    const half = rss.filter((r) => r.t >= SECONDS / 2);
    const mt = half.reduce((a, r) => a + r.t, 0) / (half.length || 1);
    const mm = half.reduce((a, r) => a + r.mb, 0) / (half.length || 1);
    const cov = half.reduce((a, r) => a + (r.t - mt) * (r.mb - mm), 0);
    const vt = half.reduce((a, r) => a + (r.t - mt) ** 2, 0);
    const slopeMbPerMin = vt > 0 ? (cov / vt) * 60 : 0;
    const statuses = [pages, reports, cards].map((f) => f.statuses);
    statuses.push(api.statuses.reads, api.statuses.saves);
    return {
      store,
      seconds: SECONDS,
      load: loadavg() as [number, number, number],
      reference: referenceFigures,
      pages,
      reports,
      cards,
      api: {
        reads: { n: api.reads.length, p50: median(api.reads), p99: percentile(api.reads, 99) },
        saves: { n: api.saves.length, p50: median(api.saves), p99: percentile(api.saves, 99) },
        statuses: api.statuses,
        errors: api.errors,
      },
      rss,
      peakMb,
      growthMb,
      slopeMbPerMin,
      acknowledged: api.acks.length,
      lostByApi,
      lostBySql: lostSql,
      fiveHundreds: statuses.reduce((a, s) => a + fives(s), 0),
    };
  } finally {
    await stopServer(server);
  }
}

// ---------------------------------------------------------------------------------------------

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
const statusText = (s: Record<string, number>) =>
  Object.entries(s)
    .sort()
    .map(([k, v]) => `${k}×${v}`)
    .join(" ");

function report(r: StoreResult): boolean {
  const ref = r.reference.p99;
  const rows: string[][] = [];
  const add = (kind: string, n: number, p50: number, p99: number, statuses: string) =>
    rows.push([
      kind,
      String(n),
      (n / r.seconds).toFixed(1),
      fmt(p50),
      fmt(p99),
      fmt(ref),
      `×${(p99 / ref).toFixed(0)}`,
      statuses,
    ]);
  add(
    `public pages (${PAGE_CONNECTIONS} conn.)`,
    r.pages.requests,
    r.pages.p50,
    r.pages.p99,
    statusText(r.pages.statuses),
  );
  add(
    "report downloads (1 conn.)",
    r.reports.requests,
    r.reports.p50,
    r.reports.p99,
    statusText(r.reports.statuses),
  );
  add(
    "result cards (1 conn.)",
    r.cards.requests,
    r.cards.p50,
    r.cards.p99,
    statusText(r.cards.statuses),
  );
  add(
    "questionnaire API, read",
    r.api.reads.n,
    r.api.reads.p50,
    r.api.reads.p99,
    statusText(r.api.statuses.reads),
  );
  add(
    "questionnaire API, save",
    r.api.saves.n,
    r.api.saves.p50,
    r.api.saves.p99,
    statusText(r.api.statuses.saves),
  );
  printTable(
    `${r.store}: ${r.seconds} s of load at once (load average ${r.load.map((l) => l.toFixed(1)).join(" ")})`,
    ["kind", "requests", "req/s", "p50 ms", "p99 ms", "bare p99 ms", "p99 ratio", "statuses"],
    rows,
  );
  console.log(
    `reference: bare Hono, home page HTML, ${PAGE_CONNECTIONS} conn., ${REFERENCE_SECONDS} s: ` +
      `${r.reference.requests} requests, p50 ${fmt(r.reference.p50)} ms, p99 ${fmt(ref)} ms`,
  );
  const curve = r.rss.map((s) => `${s.t.toFixed(0)}s ${s.mb.toFixed(0)}`).join(" · ");
  console.log(`RSS (MB) every ${SAMPLE_SECONDS} s: ${curve}`);
  const socketErrors = r.pages.errors + r.reports.errors + r.cards.errors + r.api.errors;
  const checks: [string, string, boolean][] = [
    [
      "no 5xx",
      `${r.fiveHundreds} of ${sum(r.pages.statuses) + sum(r.reports.statuses) + sum(r.cards.statuses) + sum(r.api.statuses.reads) + sum(r.api.statuses.saves)}`,
      r.fiveHundreds === 0,
    ],
    ["no socket error or timeout", String(socketErrors), socketErrors === 0],
    [
      "no lost write (API: each answer's last save)",
      `${r.lostByApi} lost of ${r.acknowledged} acknowledged`,
      r.lostByApi === 0 && r.acknowledged > 0,
    ],
    [
      "no lost write (SQL: every save's id and version)",
      `${r.lostBySql} lost of ${r.acknowledged}`,
      r.lostBySql === 0 && r.acknowledged > 0,
    ],
    [
      `memory flat (last third vs middle third, ≤ ${FLAT_MB} MB)`,
      `${r.growthMb >= 0 ? "+" : ""}${r.growthMb.toFixed(0)} MB; second half ${r.slopeMbPerMin >= 0 ? "+" : ""}${r.slopeMbPerMin.toFixed(0)} MB/min; peak ${r.peakMb?.toFixed(0) ?? "—"} MB`,
      r.growthMb <= FLAT_MB,
    ],
  ];
  printTable(
    `${r.store}: checks`,
    ["check", "measured", "outcome"],
    checks.map(([a, b, ok]) => [a, b, verdict(ok)]),
  );
  return checks.every(([, , ok]) => ok);
}

const dir = await makeTempDir("soak");
const scratch: ScratchDatabase[] = [];
const cleanup = async () => {
  for (const s of scratch) await s.drop();
  await removeDir(dir);
};
const stopWatching = onInterrupt(cleanup);
const results: StoreResult[] = [];
let ok = true;
try {
  console.error(`${WRK}; ${SECONDS} s per store`);
  if (flags.store !== "postgres") {
    const dataDir = join(dir, "data");
    const r = await soakStore(
      "PGlite",
      { kind: "pglite", dataDir },
      { kind: "pglite", dataDir },
      dir,
    );
    results.push(r);
    ok = report(r) && ok;
  }
  if (flags.store !== "pglite") {
    const admin = await postgresAdminUrl();
    if (!admin) {
      console.error("PostgreSQL: no server answers (BENCH_DATABASE_URL): skipped");
      if (flags.store === "postgres") ok = false;
    } else {
      const db = await createScratchDatabase(admin);
      scratch.push(db);
      const r = await soakStore(
        "PostgreSQL",
        { kind: "postgres", url: db.url },
        { kind: "postgres", url: db.url },
        dir,
      );
      results.push(r);
      ok = report(r) && ok;
    }
  }
  writeResults("soak", { ...runInfo(), wrk: WRK, results });
} finally {
  stopWatching();
  await cleanup();
}
if (!ok) process.exitCode = 1;
