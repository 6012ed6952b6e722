// Hostile uploads: a workbook that unpacks to tens of megabytes is refused from its zip directory
// before exceljs sees it; one whose directory lies is read in a worker, off the event loop, and
// refused; a reader that runs past its deadline is ended; anonymous or foreign uploads are
// refused before their body is read.

import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UNPACK_LIMITS } from "../../src/domain/tracker/questionnaire-file.ts";
import type { createApp } from "../../src/http/app.ts";
import { checkZip } from "../../src/importers/shared/zip.ts";
import { questionnaireWorkbook } from "../../src/services/tracker/questionnaire-files.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer, workbookReader } from "../support/files.ts";
import { bombEntries, lyingZipBomb, zip, zipBomb } from "../support/hostile-xlsx.ts";
import { ACCOUNTS, collectionWorld, PASSWORD, SYSTEM } from "../support/world.ts";

/** The longest the event loop stalled while `work` ran, in milliseconds. */
async function stall<T>(work: () => Promise<T>): Promise<{ value: T; maxMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  try {
    const value = await work();
    return { value, maxMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

describe("the zip directory check", () => {
  it("sums the declared sizes and counts the entries", () => {
    const small = zip([
      { name: "a.xml", data: new Uint8Array(1000) },
      { name: "b.xml", data: new Uint8Array(2000) },
    ]);
    expect(checkZip(small, UNPACK_LIMITS)).toEqual({
      ok: true,
      summary: { entries: 2, uncompressed: 3000 },
    });
  });

  it("refuses what unpacks past the limits, and what is damaged", () => {
    const bomb = zipBomb(30);
    // A few hundred kilobytes that declare thirty megabytes.
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expect(checkZip(bomb, UNPACK_LIMITS)).toEqual({ ok: false, reason: "too_expanded" });
    const many = zip(
      Array.from({ length: UNPACK_LIMITS.entries + 1 }, (_, i) => ({
        name: `x/${i}.xml`,
        data: new Uint8Array(1),
      })),
    );
    expect(checkZip(many, UNPACK_LIMITS)).toEqual({ ok: false, reason: "too_expanded" });
    expect(checkZip(bomb.slice(0, bomb.byteLength - 30), UNPACK_LIMITS)).toEqual({
      ok: false,
      reason: "unreadable",
    });
    expect(checkZip(bomb.slice(0, 100), UNPACK_LIMITS).ok).toBe(false);
  });
});

describe("reading an upload off the main thread", () => {
  it("refuses a zip bomb at once, without unpacking it", async () => {
    const bomb = zipBomb(60);
    const { value, maxMs } = await stall(() => workbookReader.read(bomb));
    expect(value).toEqual({ ok: false, reason: "too_expanded" });
    expect(maxMs).toBeLessThan(400);
  });

  it("reads a bomb whose directory lies in the worker, and refuses it", async () => {
    const bomb = lyingZipBomb(60);
    expect(checkZip(bomb, UNPACK_LIMITS).ok).toBe(true);
    expect((await workbookReader.read(bomb)).ok).toBe(false);
  });

  it("keeps the event loop free while a heavy workbook is parsed", async () => {
    // 18 MB of XML, under the unpacking cap: exceljs parses all of it before the rows are
    // counted. On the main thread this held the loop for about a second at a time.
    const heavy = zip(bombEntries(18));
    const { value, maxMs } = await stall(() => workbookReader.read(heavy));
    expect(value).toEqual({ ok: false, reason: "too_many_rows" });
    expect(maxMs).toBeLessThan(400);
  });

  it("refuses a workbook with more rows than a questionnaire has", async () => {
    const rows = zip(bombEntries(3));
    expect(checkZip(rows, UNPACK_LIMITS).ok).toBe(true);
    expect(await workbookReader.read(rows)).toEqual({ ok: false, reason: "too_many_rows" });
  });

  it("reads two uploads at a time and turns a third away as busy", async () => {
    const heavy = zip(bombEntries(3));
    const first = [workbookReader.read(heavy), workbookReader.read(heavy)];
    await expect(workbookReader.read(heavy)).rejects.toMatchObject({ code: "busy" });
    expect(await Promise.all(first)).toEqual([
      { ok: false, reason: "too_many_rows" },
      { ok: false, reason: "too_many_rows" },
    ]);
    expect((await workbookReader.read(heavy)).ok).toBe(false);
  });

  it("ends a reader that runs past its deadline", async () => {
    expect(await workbookReader.read(zip(bombEntries(3)), { ms: 5 })).toEqual({
      ok: false,
      reason: "too_slow",
    });
  });
});

describe.each(backends)("upload access on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let psi: TestClient;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    await psi.get("/q/2023/psi");
  }, 120_000);
  afterAll(async () => {
    await renderer.stop();
    await t.dispose();
  });

  /** A 12 MB multipart body that counts how much of it the server pulled. */
  function countedUpload(cookie: string) {
    const boundary = "----jalon-test";
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="q.xlsx"\r\n\r\n`,
    );
    let pulled = 0;
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = sent === 0 ? head : chunk;
        sent += next.byteLength;
        pulled += next.byteLength;
        if (sent > 12 * 1024 * 1024) controller.close();
        else controller.enqueue(next);
      },
    });
    const init = {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}`, cookie },
    } as RequestInit;
    return { init, pulled: () => pulled };
  }

  const cookieOf = (c: TestClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

  it("refuses an anonymous or foreign upload before reading its body", async () => {
    const anonymous = countedUpload("");
    const res = await app.request("/q/2023/psi/import", anonymous.init);
    expect(res.status).toBe(401);
    // The stream's first pull may happen on its creation; nothing past it is read.
    expect(anonymous.pulled()).toBeLessThan(256 * 1024);
    const foreign = countedUpload(cookieOf(psi));
    const other = await app.request("/q/2023/msi/import", foreign.init);
    expect(other.status).toBe(404);
    expect(foreign.pulled()).toBeLessThan(256 * 1024);
  });

  it("tells the partner why a zip bomb was refused", async () => {
    const upload = async (file: Uint8Array) => {
      const form = new FormData();
      form.set("_csrf", psi.csrf());
      form.set("file", new File([file as BlobPart], "q.xlsx"));
      return app.request("/q/2023/psi/import", {
        method: "POST",
        body: form,
        headers: { cookie: cookieOf(psi) },
      });
    };
    const res = await upload(zipBomb(60));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("bien plus gros une fois décompressé");
    // The real questionnaire still goes through the worker and comes back counted.
    const real = (await questionnaireWorkbook(t.db, SYSTEM, "2023", "psi", "fr", renderer)).bytes;
    const ok = await upload(real);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("réponse");
  });
});
