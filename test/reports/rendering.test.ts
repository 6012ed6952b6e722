// Files are drawn in the rendering worker: the server's event loop keeps turning meanwhile, a
// failing job is reported without taking the next one down, a burst beyond the queue's length is
// refused at once (HTTP 503 with Retry-After), and the worker never keeps a process alive once
// its work is done.

import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import { createApp } from "../../src/http/app.ts";
import type { ReportModel } from "../../src/reports/tracker/model.ts";
import { MAX_PENDING_JOBS } from "../../src/services/shared/rendering.ts";
import { buildReport } from "../../src/services/tracker/reports.ts";
import { client } from "../support/client.ts";
import { freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer } from "../support/files.ts";
import { pdfPages } from "../support/reports.ts";

const ROOT = resolve(import.meta.dirname, "../..");

describe("the rendering worker", () => {
  let database: TestDatabase;
  let model: ReportModel;

  beforeAll(async () => {
    database = await freshDatabase("pglite");
    await loadDemo(database, { reset: false });
    model = await buildReport(database.db, "2022", "fr");
  });
  afterAll(async () => {
    await renderer.stop();
    await database?.close();
  });

  it("draws the PDF while the event loop keeps turning", async () => {
    let last = performance.now();
    let longestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const start = performance.now();
    const bytes = await renderer.render({ kind: "report", model, format: "pdf" });
    const end = performance.now();
    clearInterval(ticker);
    const elapsed = end - start;
    longestGap = Math.max(longestGap, end - last);
    expect((await pdfPages(bytes)).join("\n")).toContain(
      "Récapitulatif des statuts par engagement",
    );
    // Drawn on this thread, the loop would stand still for the whole drawing.
    expect(longestGap).toBeLessThan(elapsed / 2);
  });

  it("reports a failing job and still draws the next one", async () => {
    const broken = { kind: "report", model: {} as ReportModel, format: "pdf" } as const;
    await expect(renderer.render(broken)).rejects.toThrow(/rendering failed/);
    const html = new TextDecoder().decode(
      await renderer.render({ kind: "report", model, format: "html" }),
    );
    expect(html).toContain("<h1");
  });

  it("draws jobs sent together, each with its own bytes", async () => {
    const [docx, xlsx, html] = await Promise.all([
      renderer.render({ kind: "report", model, format: "docx" }),
      renderer.render({ kind: "report", model, format: "xlsx" }),
      renderer.render({ kind: "report", model, format: "html" }),
    ]);
    expect(new TextDecoder().decode(docx.subarray(0, 2))).toBe("PK");
    expect(new TextDecoder().decode(xlsx.subarray(0, 2))).toBe("PK");
    expect(docx.byteLength).not.toBe(xlsx.byteLength);
    expect(new TextDecoder().decode(html)).toContain("<!doctype html>");
  });

  it("refuses a burst beyond the queue's length at once, and draws the rest", async () => {
    const burst = Array.from({ length: MAX_PENDING_JOBS + 3 }, () =>
      renderer.render({ kind: "report", model, format: "html" }),
    );
    const settled = await Promise.allSettled(burst);
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(MAX_PENDING_JOBS);
    const refused = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
    expect(refused).toHaveLength(3);
    expect(refused.every((r) => r.code === "busy")).toBe(true);
  });

  it("answers a download with 503 and Retry-After while the queue is full", async () => {
    // The app draws with the renderer it is given, as the server's does with main.ts's.
    const app = createApp({
      db: database.db,
      secureCookies: false,
      baseUrl: "http://jalon.test",
      renderer,
    });
    const web = client(app);
    const queued = Array.from({ length: MAX_PENDING_JOBS }, () =>
      renderer.render({ kind: "report", model, format: "pdf" }),
    );
    const busy = await web.get("/cycles/2022/report.html");
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    const page = await busy.text();
    expect(page).toContain("Serveur occupé");
    expect(page).toContain("Réessayez dans quelques secondes.");
    await Promise.all(queued);
    expect((await web.get("/cycles/2022/report.html")).status).toBe(200);
  });

  it("starts again after being stopped", async () => {
    await renderer.stop();
    const bytes = await renderer.render({ kind: "report", model, format: "html" });
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });

  it("lets a process exit as soon as its last file is drawn", async () => {
    const dir = await mkdtemp(join(tmpdir(), "jalon-render-"));
    try {
      const modelFile = join(dir, "model.json");
      writeFileSync(modelFile, JSON.stringify(model));
      const script = join(dir, "draw.ts");
      writeFileSync(
        script,
        [
          `import { readFileSync } from "node:fs";`,
          `import { createRenderer } from ${JSON.stringify(join(ROOT, "src/services/shared/rendering.ts"))};`,
          `const renderer = createRenderer();`,
          `const model = JSON.parse(readFileSync(${JSON.stringify(modelFile)}, "utf8"));`,
          `const bytes = await renderer.render({ kind: "report", model, format: "html" });`,
          `console.log(bytes.byteLength);`,
        ].join("\n"),
      );
      const start = performance.now();
      const child = spawnSync(process.execPath, [script], { encoding: "utf8", timeout: 25_000 });
      const elapsed = performance.now() - start;
      expect(child.status, child.stderr).toBe(0);
      expect(Number(child.stdout.trim())).toBeGreaterThan(1000);
      // The worker waits 30 s for more work; it must not hold the process that long.
      expect(elapsed).toBeLessThan(20_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
