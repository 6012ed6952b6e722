// Benchmark of the result cards: the demo programme's dashboard built on an embedded database
// loaded with the demo, then each of its cards drawn as PNG in both shapes (1080×1080 and
// 1200×630) through the rendering worker, as the server draws them, BENCH_CARD_RUNS times (5).
// The time of one card is from the request to the worker to its bytes back; the first draw of
// a fresh worker (loading resvg and the fonts) is shown apart. Budget: each card ≤ 500 ms (the
// slowest warm draw). Run: `node bench/cards.ts` (Node 24). Exits 1 if the budget fails.
import { openDatabase } from "../src/db/connect.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { loadDemoWorlds } from "../src/demo/load.ts";
import { CARD_SIZES, type CardSize } from "../src/reports/programme/cards.ts";
import { drawCard, programmeDashboard } from "../src/services/programme/dashboard.ts";
import { createRenderer } from "../src/services/shared/rendering.ts";
import {
  DASHBOARD_PAGE,
  intFromEnv,
  ms,
  percentile,
  printTable,
  runInfo,
  summary,
  verdict,
  writeResults,
} from "./lib/harness.ts";

const BUDGET_MS = 500;
const SIZES = Object.keys(CARD_SIZES) as CardSize[];

async function main(): Promise<number> {
  const runs = intFromEnv("BENCH_CARD_RUNS", 5, 1, 50);
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  await migrateToLatest(database.db);
  await loadDemoWorlds(database, { reset: false });
  const slug = DASHBOARD_PAGE.slice("/programmes/".length);
  const built = performance.now();
  const dashboard = await programmeDashboard(database.db, slug, "fr");
  const modelMs = performance.now() - built;
  await database.close();

  const renderer = createRenderer();
  const first = performance.now();
  await drawCard(renderer, dashboard, 1, "square");
  const coldMs = performance.now() - first;
  const samples: Record<CardSize, number[]> = { square: [], wide: [] };
  const bytes: Record<CardSize, number[]> = { square: [], wide: [] };
  for (let run = 0; run < runs; run++)
    for (const card of dashboard.cards)
      for (const size of SIZES) {
        const start = performance.now();
        const png = await drawCard(renderer, dashboard, card.n, size);
        samples[size].push(performance.now() - start);
        bytes[size].push(png.byteLength);
      }
  await renderer.stop();

  const rows = SIZES.map((size) => {
    const s = summary(samples[size]);
    const { width, height } = CARD_SIZES[size];
    return [
      `${width}×${height}`,
      ms(s.min),
      ms(s.median),
      ms(percentile(samples[size], 95)),
      ms(s.max),
      `${Math.round(Math.max(...bytes[size]) / 1024)} kB`,
    ];
  });
  printTable(
    `${dashboard.cards.length} cards × ${runs} runs, through the rendering worker`,
    ["shape", "min", "median", "p95", "max", "largest"],
    rows,
  );
  const slowest = Math.max(...SIZES.map((s) => summary(samples[s]).max));
  printTable(
    "Budget",
    ["measure", "value", "budget", "verdict"],
    [
      ["dashboard model (once)", ms(modelMs), "—", "info"],
      ["first card of a fresh worker", ms(coldMs), "—", "info"],
      ["slowest card", ms(slowest), ms(BUDGET_MS), verdict(slowest <= BUDGET_MS)],
    ],
  );
  const saved = writeResults("cards", {
    run: runInfo(),
    runs,
    cards: dashboard.cards.length,
    modelMs,
    coldMs,
    samples,
    bytes,
  });
  console.log(`\nresults: ${saved}`);
  return slowest <= BUDGET_MS ? 0 : 1;
}

process.exitCode = await main();
