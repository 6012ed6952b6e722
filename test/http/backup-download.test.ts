// An administrator downloads a backup of the whole database from the workspace, on PGlite and
// PostgreSQL: the same checked file `jalon backup` writes, audited, its temporary file removed;
// other roles are refused and see no link.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { checkBackup } from "../../src/services/shared/backup.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { HEALTH_ACCOUNTS, HEALTH_PASSWORD, loadHealthWorld } from "../support/health-app.ts";

describe.each(backends)("the workspace's backup download on %s", (backend) => {
  let t: TestDatabase;
  let admin: TestClient;
  let validator: TestClient;
  let dir: string;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadHealthWorld(t);
    dir = await mkdtemp(join(tmpdir(), "jalon-backup-download-"));
    const app = createApp({
      db: t.db,
      secureCookies: false,
      baseUrl: "http://jalon.test",
      health: { database: t, uploadDir: dir, kickJobs: () => {} },
    });
    admin = await signIn(app, HEALTH_ACCOUNTS.admin, HEALTH_PASSWORD);
    validator = await signIn(app, HEALTH_ACCOUNTS.validator, HEALTH_PASSWORD);
  });
  afterAll(async () => {
    await t.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it("gives an administrator a backup that restores, and records it", async () => {
    const before = await readdir(tmpdir());
    const res = await admin.get("/manage/backup");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/gzip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="jalon-\d{4}-\d{2}-\d{2}\.jalon\.gz"$/,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(Number(res.headers.get("content-length")));
    const file = join(dir, "downloaded.jalon.gz");
    await writeFile(file, bytes);
    const check = await checkBackup(file);
    expect(check).toMatchObject({ ok: true });
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("entity", "=", "backups")
      .execute();
    expect(audit).toEqual([{ action: "export", actor: expect.stringMatching(/^user:\d+$/) }]);
    // The temporary file went once it was sent.
    await expect
      .poll(async () => (await readdir(tmpdir())).filter((d) => d.startsWith("jalon-backup-")))
      .toEqual(before.filter((d) => d.startsWith("jalon-backup-")));
  }, 60_000);

  it("refuses everyone else", async () => {
    expect((await validator.get("/manage/backup")).status).toBe(403);
  });
});
