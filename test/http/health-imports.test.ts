// Health-data imports from the web: a programme manager uploads DHIS2 metadata then values, the
// upload is queued as a job, the job's page shows its progress (reloading itself) then the
// summary with each refused row's reason; a broken file is refused by name; those without the
// right cannot see the page or upload (refused before the body is read).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { healthImportJobs } from "../../src/services/health/import-jobs.ts";
import { createJobRunner, type JobRunner } from "../../src/services/shared/jobs.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { METADATA, VALUES } from "../support/health-world.ts";
import { plain } from "../support/text.ts";

const PASSWORD = "correct horse battery";

describe.each(backends)("health-data imports over HTTP on %s", (backend) => {
  let t: TestDatabase;
  let dir: string;
  let runner: JobRunner;
  let app: ReturnType<typeof createApp>;
  let manager: TestClient;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    dir = await mkdtemp(join(tmpdir(), "jalon-health-up-"));
    // Jobs run when the test says, so that a queued job can be seen waiting.
    runner = createJobRunner(t.db, healthImportJobs(t), { log: () => {} });
    app = createApp({
      db: t.db,
      secureCookies: false,
      log: () => {},
      baseUrl: "http://jalon.test",
      health: { database: t, uploadDir: dir, kickJobs: () => {} },
    });
    for (const [email, role] of [
      ["pm@example.org", "programme_manager"],
      ["val@example.org", "validator"],
    ] as const)
      await addUser(t.db, "test", { email, name: email, role, password: PASSWORD });
    manager = await signIn(app, "pm@example.org", PASSWORD);
  });
  afterAll(async () => {
    await runner.stop();
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = (
    web: TestClient,
    name: string,
    bytes: string,
    fields: Record<string, string> = {},
  ) => {
    const form = new FormData();
    form.set("_csrf", web.csrf());
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", new File([bytes], name));
    return app.request("/health/imports", {
      method: "POST",
      body: form,
      headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
  };
  const storedValues = async () =>
    Number(
      (
        await t.db
          .selectFrom("data_values")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const runJobs = async () => {
    runner.kick();
    await runner.stop();
    runner = createJobRunner(t.db, healthImportJobs(t), { log: () => {} });
  };

  it("queues an upload, shows it waiting, then its summary with every refused row", async () => {
    const page = await manager.get("/health/imports");
    expect(page.status).toBe(200);
    expect(plain(await page.text())).toContain("Aucun import pour l’instant.");

    const meta = await upload(manager, "metadata.json", JSON.stringify(METADATA));
    expect(meta.status).toBe(303);
    const metaPath = meta.headers.get("location") ?? "";
    expect(metaPath).toMatch(/^\/health\/imports\/\d+$/);
    const waiting = await manager.get(metaPath);
    const waitingText = plain(await waiting.text());
    expect(waitingText).toContain("L’import va commencer");
    expect(waitingText).toContain('<meta http-equiv="refresh" content="3">');
    await runJobs();
    const metaDone = plain(await (await manager.get(metaPath)).text());
    expect(metaDone).toContain("Métadonnées : 20 objets ajoutés");
    expect(metaDone).toContain("type de valeur non numérique");
    expect(metaDone).not.toContain("http-equiv");

    const values = await upload(manager, "values.json", JSON.stringify(VALUES));
    await runJobs();
    const done = plain(await (await manager.get(values.headers.get("location") ?? "")).text());
    expect(done).toContain("<li><b>10</b> ajoutées</li>");
    expect(done).toContain("<li><b>6</b> refusées</li>");
    expect(done).toContain("<td>12</td><td>période invalide « 202213 »");
    expect(done).toContain("<td>14</td><td>« -4 » est négatif");

    const list = plain(await (await manager.get("/health/imports")).text());
    expect(list).toContain("values.json</a> — terminé");
    expect(await storedValues()).toBe(10);
  });

  it("refuses a broken file by name, a dry run stores nothing, and a missing file is asked for", async () => {
    const broken = await upload(manager, "broken.json", '{"dataValues": [ {');
    await runJobs();
    const text = plain(await (await manager.get(broken.headers.get("location") ?? "")).text());
    expect(text).toContain("Le fichier a été refusé : JSON mal formé");

    const changed = {
      dataValues: [
        { dataElement: "DeAnc100001", period: "202204", orgUnit: "FacBla00001", value: 3 },
      ],
    };
    const dry = await upload(manager, "dry.json", JSON.stringify(changed), { dryRun: "1" });
    await runJobs();
    const dryText = plain(await (await manager.get(dry.headers.get("location") ?? "")).text());
    expect(dryText).toContain("Vérification seulement");
    expect(dryText).toContain("<li><b>1</b> ajoutées</li>");
    expect(await storedValues()).toBe(10);

    const form = new FormData();
    form.set("_csrf", manager.csrf());
    const missing = await app.request("/health/imports", {
      method: "POST",
      body: form,
      headers: { cookie: [...manager.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Choisissez un fichier");
  });

  it("shows nothing to those without the right and refuses their uploads", async () => {
    const visitor = client(app);
    const anonymous = await visitor.get("/health/imports");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    const validator = await signIn(app, "val@example.org", PASSWORD);
    expect((await validator.get("/health/imports")).status).toBe(403);
    expect((await validator.get("/health/imports/1")).status).toBe(403);
    expect((await upload(validator, "x.json", "{}")).status).toBe(403);
    expect((await manager.get("/health/imports/999999")).status).toBe(404);
  });
});
