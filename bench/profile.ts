// Where one page's time goes: grows the demo world K-fold (PGlite, or PostgreSQL with --backend
// postgres and JALON_TEST_DATABASE_URL), warms the page, then takes a
// CPU profile (node:inspector) of repeated requests only — not of the world's loading — and
// prints the functions with the most self time and the share of each part of the stack
// (our layers, Hono, Kysely, PGlite, compression, the rest), beside the page's p50 wall time.
//   npx node bench/profile.ts --path /manage/cycles/2022/validation [--as coordinator]
//     [--scale 100] [--runs 20] [--top 25] [--save file.cpuprofile] [--backend pglite|postgres]
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import { createApp } from "../src/http/app.ts";
import { signIn } from "../test/support/client.ts";
import { freshDatabase } from "../test/support/database.ts";
import { scaleWorld } from "../test/support/scale.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../test/support/world.ts";

const { values } = parseArgs({
  strict: true,
  options: {
    path: { type: "string", default: "/cycles/2022/synthesis" },
    as: { type: "string", default: "anonymous" },
    scale: { type: "string", default: "100" },
    runs: { type: "string", default: "20" },
    top: { type: "string", default: "25" },
    save: { type: "string" },
    backend: { type: "string", default: "pglite" },
  },
});
const RUNS = Number(values.runs);
const SCALE = Number(values.scale);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The part of the stack a script belongs to, from its URL. */
function partOf(url: string): string {
  if (url === "") return "(native / idle / gc)";
  const m = /\/src\/([a-z]+)\//.exec(url);
  if (m && !url.includes("node_modules")) return `src/${m[1]}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith("node:")) return "node";
  return url.includes("/test/") ? "test/support" : "other";
}

if (values.backend !== "pglite" && values.backend !== "postgres")
  throw new Error(`--backend: pglite or postgres, not ${values.backend}`);
const t = await freshDatabase(values.backend);
await collectionWorld(t);
if (SCALE > 1) await scaleWorld(t.db, SCALE);
const app = createApp({
  db: t.db,
  secureCookies: false,
  baseUrl: "http://jalon.test",
});
const who = values.as;
const account = who === "anonymous" ? null : ACCOUNTS[who as keyof typeof ACCOUNTS];
if (who !== "anonymous" && !account) throw new Error(`--as: unknown account ${who}`);
const client = account ? await signIn(app, account.email, PASSWORD) : null;
const get = (p: string) => (client ? client.get(p) : app.request(p));
for (let i = 0; i < 3; i++) await (await get(values.path)).arrayBuffer();

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 200 });
await session.post("Profiler.start");
const walls: number[] = [];
let bytes = 0;
let status = 0;
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  const res = await get(values.path);
  status = res.status;
  bytes = (await res.arrayBuffer()).byteLength;
  walls.push(performance.now() - start);
}
const { profile } = (await session.post("Profiler.stop")) as { profile: Profile };
session.disconnect();
await t.dispose();
if (values.save) writeFileSync(values.save, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fns = new Map<string, number>();
const parts = new Map<string, number>();
for (const [id, us] of self) {
  const f = byId.get(id)?.callFrame;
  if (!f) continue;
  const name = `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(src|node_modules)\//, "$1/")}:${f.lineNumber + 1}`;
  fns.set(name, (fns.get(name) ?? 0) + us);
  const part = partOf(f.url);
  parts.set(part, (parts.get(part) ?? 0) + us);
}
const sorted = [...walls].sort((a, b) => a - b);
console.log(
  `${values.path} as ${who}, ×${SCALE}: status ${status}, ${(bytes / 1024).toFixed(0)} KB, p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms over ${RUNS} runs; profiled ${(total / 1000 / RUNS).toFixed(1)} ms/request`,
);
console.log("\nself time by part of the stack (ms per request):");
for (const [part, us] of [...parts].sort((a, b) => b[1] - a[1]))
  console.log(`  ${(us / 1000 / RUNS).toFixed(2).padStart(8)}  ${part}`);
console.log(`\ntop ${values.top} functions by self time (ms per request):`);
for (const [name, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
  console.log(`  ${(us / 1000 / RUNS).toFixed(2).padStart(8)}  ${name}`);
