// Upgrading from the previous release, on both stores: the database v0.1.0 made (its demo and
// one account per role, test/fixtures/releases/) is migrated to this code's latest schema, which
// then matches a database this code built from nothing, and every page and report still answers
// with the release's own data in it: the public pages, the workspace of each role, the programme,
// the health explorer, the annual report in its four formats and the mission's report.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knownMigrations, migrateToLatest, pendingMigrations } from "../../src/db/migrate.ts";
import { VERSION } from "../../src/domain/shared/release.ts";
import { typeset } from "../../src/domain/shared/typography.ts";
import { createApp } from "../../src/http/app.ts";
import { checkBackup } from "../../src/services/shared/backup.ts";
import { createRenderer } from "../../src/services/shared/rendering.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import {
  PREVIOUS_SCHEMA,
  RELEASE_ACCOUNTS,
  RELEASE_PASSWORD,
  releaseDatabase,
} from "../support/release-fixture.ts";
import { docxParagraphs, loadWorkbook, pdfPages, zipPart } from "../support/reports.ts";
import { schemaOf } from "../support/schema.ts";
import { plain } from "../support/text.ts";

const renderer = createRenderer();
afterAll(() => renderer.stop());

describe.each(backends)("upgrading the previous release's database on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let applied: string[] = [];
  let released: string[] = [];
  let dir = "";
  const as: Partial<Record<keyof typeof RELEASE_ACCOUNTS, TestClient>> = {};
  const signedIn = (who: keyof typeof RELEASE_ACCOUNTS): TestClient => {
    const c = as[who];
    if (!c) throw new Error(`${who} is not signed in`);
    return c;
  };

  beforeAll(async () => {
    t = await releaseDatabase(backend);
    const ran = await sql<{ name: string }>`select name from kysely_migration`.execute(t.db);
    released = ran.rows.map((r) => r.name).sort();
    ({ applied } = await migrateToLatest(t.db));
    dir = await mkdtemp(join(tmpdir(), "jalon-upgrade-"));
    app = createApp({
      db: t.db,
      secureCookies: false,
      baseUrl: "http://jalon.test",
      renderer,
      health: { database: t, uploadDir: dir, kickJobs: () => {} },
    });
    for (const [who, email] of Object.entries(RELEASE_ACCOUNTS)) {
      as[who as keyof typeof RELEASE_ACCOUNTS] = await signIn(app, email, RELEASE_PASSWORD);
    }
  }, 60_000);
  afterAll(async () => {
    await t?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("applies every migration after the release's, and nothing is left pending", async () => {
    expect(released.at(-1)).toBe(PREVIOUS_SCHEMA);
    const since = knownMigrations().filter((name) => !released.includes(name));
    expect(applied).toEqual(since.sort());
    expect(await pendingMigrations(t.db)).toEqual([]);
  });

  it("leaves the schema this code builds from nothing", async () => {
    const fresh = await freshDatabase(backend);
    try {
      expect(await schemaOf(t)).toEqual(await schemaOf(fresh));
    } finally {
      await fresh.dispose();
    }
  });

  /** What the release stored, read back after the upgrade: the pages must show it. */
  const stored = async () => {
    const one = async <T>(query: string) =>
      ((await sql.raw<T>(query).execute(t.db)).rows[0] as T | undefined) ??
      (() => {
        throw new Error(`nothing for ${query}`);
      })();
    return {
      tracker: await one<{ name: string }>("select name from trackers"),
      commitment: await one<{ title: string }>("select title from commitments where number = 1"),
      psi: await one<{ name: string; acronym: string }>(
        "select name, acronym from partners where slug = 'psi'",
      ),
      psiIndicator: await one<{ title: string }>(
        `select i.title from indicators i join responses r on r.indicator_id = i.id
         join partners p on p.id = r.partner_id where p.slug = 'psi' order by i.id`,
      ),
      acronym: await one<{ expansion: string }>("select expansion from acronyms order by id"),
      series: await one<{ name: string }>("select name from outcome_series order by id"),
      programme: await one<{ id: number; name: string; slug: string }>(
        `select p.id, p.name, pp.slug from programmes p
         join programme_publications pp on pp.programme_id = p.id and pp.published`,
      ),
      mission: await one<{ id: number; title: string }>("select id, title from missions"),
      testimonial: await one<{ id: number; speaker_name: string }>(
        "select id, speaker_name from testimonials order by id",
      ),
      midwife: await one<{ id: number; name: string }>("select id, name from midwives order by id"),
      region: await one<{ id: number; name: string }>(
        "select id, name from org_units where level = 2 and name = 'Ségou'",
      ),
      country: await one<{ name: string }>("select name from org_units where level = 1"),
      quote: await one<{ quote: string }>("select quote from testimonials order by id"),
    };
  };

  /** A page answers 200 with each of the texts in it (compared as a reader sees them). */
  const shows = async (res: Response, path: string, texts: string[]) => {
    const body = plain(await res.text());
    expect(res.status, path).toBe(200);
    for (const text of texts) expect(body, `${path} shows ${text}`).toContain(plain(text));
  };

  it("serves the public pages with the release's data", async () => {
    const s = await stored();
    const pages: [string, string[]][] = [
      ["/", [s.tracker.name, "Janvier – décembre 2022"]],
      ["/cycles/2022", [s.tracker.name]],
      ["/cycles/2022/commitments/1", [s.commitment.title, s.psi.name]],
      ["/cycles/2022/synthesis", ["Synthèse", s.psi.name]],
      ["/partners", [s.psi.name]],
      ["/partners/psi", [s.psi.name, s.psiIndicator.title]],
      ["/programmes", [s.programme.name]],
      [`/programmes/${s.programme.slug}`, [s.programme.name, s.region.name, s.quote.quote]],
      ["/health/explorer", ["Explorer les indicateurs", s.region.name]],
    ];
    for (const [path, texts] of pages) await shows(await app.request(path), path, texts);
  });

  it("serves each role's workspace", async () => {
    const s = await stored();
    const p = `/programme/${s.programme.id}`;
    const pages: [keyof typeof RELEASE_ACCOUNTS, string, string[]][] = [
      ["coordinator", "/manage", ["Janvier – décembre 2022"]],
      ["coordinator", "/manage/cycles/2022", ["Janvier – décembre 2022"]],
      ["coordinator", "/manage/cycles/2022/tracking", [s.psi.name]],
      ["coordinator", "/manage/cycles/2022/mapping", [s.psi.name]],
      ["coordinator", "/manage/cycles/2022/report-texts", ["Janvier – décembre 2022"]],
      ["coordinator", "/manage/cycles/2022/partners/psi", [s.psi.name, "2 / 2"]],
      ["coordinator", "/manage/acronyms", [s.acronym.expansion]],
      ["coordinator", "/manage/outcomes", [s.series.name]],
      ["admin", "/manage/users", Object.values(RELEASE_ACCOUNTS)],
      ["admin", "/account/tokens", ["Jetons d’accès personnels"]],
      ["validator", "/manage/cycles/2022/tracking", [s.psi.name]],
      ["programmeManager", "/programme", [s.programme.name]],
      ["programmeManager", p, [s.programme.name]],
      ["programmeManager", `${p}/missions`, [s.mission.title]],
      ["programmeManager", `${p}/missions/${s.mission.id}`, [s.mission.title]],
      ["programmeManager", `${p}/results`, [s.programme.name]],
      ["programmeManager", `${p}/testimonials`, [s.testimonial.speaker_name]],
      ["programmeManager", `${p}/testimonials/${s.testimonial.id}`, [s.testimonial.speaker_name]],
      ["programmeManager", `${p}/cards`, [s.programme.name]],
      ["programmeManager", "/programme/midwives", [s.midwife.name]],
      ["programmeManager", `/programme/midwives/${s.midwife.id}`, [s.midwife.name]],
      ["coordinator", "/health/units", [s.country.name]],
      ["coordinator", `/health/units/${s.region.id}`, [s.region.name]],
      ["coordinator", "/health/imports", ["Importer des données de santé"]],
      ["coordinator", "/health/connections", ["Connexions DHIS2"]],
      ["coordinator", "/health/entry", [s.region.name]],
      ["coordinator", "/health/explorer", [s.region.name]],
    ];
    for (const [who, path, texts] of pages) await shows(await signedIn(who).get(path), path, texts);
    // A respondent reads back their organisation's answers to the release's cycle.
    await shows(await signedIn("respondent").get("/q/2022/psi"), "/q/2022/psi", [
      s.psi.acronym,
      s.psiIndicator.title,
    ]);
  });

  it("draws the annual report in its four formats", async () => {
    const s = await stored();
    const get = (format: string) => app.request(`/cycles/2022/report.${format}`);
    const pdf = await get("pdf");
    expect(pdf.status).toBe(200);
    const pages = await pdfPages(new Uint8Array(await pdf.arrayBuffer()));
    expect(pages.length).toBeGreaterThan(3);
    expect(plain(pages.join(" ")).replace(/\s+/g, " ")).toContain("Janvier – décembre 2022");
    const docx = await get("docx");
    expect(docx.status).toBe(200);
    const paragraphs = docxParagraphs(
      zipPart(new Uint8Array(await docx.arrayBuffer()), "word/document.xml"),
    ).join("\n");
    // The report sets its free text in French typography (no-break spaces inside « »).
    expect(paragraphs).toContain(typeset(s.commitment.title, "fr"));
    await shows(await get("html"), "report.html", [s.tracker.name, s.acronym.expansion]);
    const xlsx = await get("xlsx");
    expect(xlsx.status).toBe(200);
    const book = await loadWorkbook(new Uint8Array(await xlsx.arrayBuffer()));
    const cells: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? "")))),
    );
    expect(cells).toContain(s.psi.acronym);
  });

  it("draws the mission's report", async () => {
    const s = await stored();
    const base = `/programme/${s.programme.id}/missions/${s.mission.id}`;
    const pdf = await signedIn("programmeManager").get(`${base}/report.pdf`);
    expect(pdf.status).toBe(200);
    const text = (await pdfPages(new Uint8Array(await pdf.arrayBuffer()))).join(" ");
    expect(text.replace(/\s+/g, " ")).toContain(s.mission.title.slice(0, 20));
    const docx = await signedIn("programmeManager").get(`${base}/report.docx`);
    expect(docx.status).toBe(200);
    const paragraphs = docxParagraphs(
      zipPart(new Uint8Array(await docx.arrayBuffer()), "word/document.xml"),
    );
    expect(paragraphs).toContain(s.mission.title);
  });

  it("backs the upgraded database up as this release and schema", async () => {
    const res = await signedIn("admin").get("/manage/backup");
    expect(res.status).toBe(200);
    const file = join(dir, "upgraded.jalon.gz");
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const check = await checkBackup(file);
    expect(check).toMatchObject({
      ok: true,
      header: { version: VERSION, schema: knownMigrations().at(-1) },
    });
  });
});
