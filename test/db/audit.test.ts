// The audit log: append-only whatever the SQL, every security event recorded, and each row marked
// with the id of the request that wrote it (the X-Request-Id the answer carried).
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetAll } from "../../src/db/reset.ts";
import { deleteAudited, insertAudited } from "../../src/db/shared/audit.ts";
import type { createApp } from "../../src/http/app.ts";
import { createInvitation } from "../../src/services/tracker/invitations.ts";
import { client, signIn } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { sqlState } from "../support/sql-state.ts";
import {
  ACCOUNTS,
  collectionWorld,
  PASSWORD,
  SYSTEM,
  useCollectionWorld,
} from "../support/world.ts";

describe.each(backends)("audit log on %s", (backend) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
  });
  afterAll(() => t.dispose());

  it("deletes a row by its key and keeps it in the log, only the columns asked for", async () => {
    const tracker = await t.db.selectFrom("trackers").select("id").executeTakeFirstOrThrow();
    const made = await insertAudited(t.db, "test:audit", "acronyms", {
      tracker_id: tracker.id,
      acronym: "ZZQ",
      expansion: "Sigle d’essai",
    });
    const removed = await deleteAudited(
      t.db,
      "test:audit",
      "acronyms",
      { tracker_id: tracker.id, acronym: "ZZQ" },
      { columns: ["id", "acronym"] },
    );
    expect(removed).toEqual({ id: made.id, acronym: "ZZQ" });
    expect(
      await t.db.selectFrom("acronyms").select("id").where("id", "=", made.id).executeTakeFirst(),
    ).toBeUndefined();
    const logged = await t.db
      .selectFrom("audit_log")
      .select(["action", "entity_id", "before", "after"])
      .where("actor", "=", "test:audit")
      .where("entity", "=", "acronyms")
      .orderBy("id")
      .execute();
    expect(logged).toEqual([
      expect.objectContaining({ action: "create", entity_id: String(made.id) }),
      { action: "delete", entity_id: String(made.id), before: removed, after: null },
    ]);
    // Nothing matched: nothing removed, nothing logged.
    expect(await deleteAudited(t.db, "test:audit", "acronyms", { id: made.id })).toBeUndefined();
    const after = await t.db
      .selectFrom("audit_log")
      .select("id")
      .where("actor", "=", "test:audit")
      .execute();
    expect(after).toHaveLength(2);
  });

  it("refuses to change, remove or empty its rows", async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("audit_log")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const attempts = [
      () => t.db.updateTable("audit_log").set({ actor: "someone else" }).execute(),
      () => t.db.deleteFrom("audit_log").where("actor", "=", "system:demo").execute(),
      () => sql`truncate table audit_log`.execute(t.db),
    ];
    for (const attempt of attempts) expect(await sqlState(attempt())).toBe("42501");
    const refused = await t.db
      .deleteFrom("audit_log")
      .execute()
      .catch((e: unknown) => String(e));
    expect(refused).toMatch(/append-only/);
    expect(await count()).toBe(before);
    // Emptying the demo (jalon demo --reset) keeps the log and adds the reset to it.
    await t.db.transaction().execute((trx) => resetAll(trx, "test:reset"));
    expect(await count()).toBe(before + 1);
  });
});

describe.each(backends)("audited security events on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  useCollectionWorld(backend, (w) => ({ t, app } = w));

  const rowsOf = async (res: Response) => {
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    return t.db
      .selectFrom("audit_log")
      .select(["actor", "action", "entity", "entity_id", "after", "request_id"])
      .where("request_id", "=", id ?? "-")
      .orderBy("id")
      .execute();
  };

  it("gives every answer its own request id", async () => {
    const a = await app.request("/");
    const b = await app.request("/");
    expect(a.headers.get("x-request-id")).toBeTruthy();
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });

  it("records sign-in failures and successes with the client address, and sign-outs", async () => {
    const c = client(app, "203.0.113.20");
    await c.get("/login");
    const failed = await c.post("/login", {
      email: ACCOUNTS.coordinator.email,
      password: "not the password",
    });
    expect(await rowsOf(failed)).toMatchObject([
      {
        actor: "anonymous",
        action: "sign_in_failed",
        entity: "accounts",
        entity_id: ACCOUNTS.coordinator.email,
        after: { reason: "password", address: "203.0.113.20" },
      },
    ]);
    const unknown = await c.post("/login", { email: "Nobody@Jalon.test", password: "x" });
    expect(await rowsOf(unknown)).toMatchObject([
      { action: "sign_in_failed", entity_id: "nobody@jalon.test", after: { reason: "unknown" } },
    ]);
    const ok = await c.post("/login", { email: ACCOUNTS.coordinator.email, password: PASSWORD });
    expect(ok.status).toBe(303);
    const [signedIn] = await rowsOf(ok);
    expect(signedIn).toMatchObject({ action: "sign_in", entity_id: ACCOUNTS.coordinator.email });
    expect(signedIn?.actor).toMatch(/^user:\d+$/);
    await c.get("/manage");
    const out = await c.post("/logout", {});
    expect(out.status).toBe(303);
    expect(await rowsOf(out)).toMatchObject([{ action: "sign_out", actor: signedIn?.actor }]);
  });

  it("records reset requests, for real and unknown addresses alike", async () => {
    const c = client(app, "203.0.113.21");
    await c.get("/password/forgot");
    const real = await c.post("/password/forgot", { email: ACCOUNTS.validator.email });
    expect(await rowsOf(real)).toMatchObject([
      {
        action: "reset_requested",
        entity_id: ACCOUNTS.validator.email,
        after: { sent: true, address: "203.0.113.21" },
      },
    ]);
    const unknown = await c.post("/password/forgot", { email: "nobody@jalon.test" });
    expect(await rowsOf(unknown)).toMatchObject([
      { action: "reset_requested", entity_id: "nobody@jalon.test", after: { sent: false } },
    ]);
  });

  it("records invitation exchanges, and links that no longer open", async () => {
    const link = await createInvitation(
      t.db,
      SYSTEM,
      { cycleSlug: "2023", partnerSlug: "psi", email: null, baseUrl: "http://jalon.test" },
      () => ({ subject: "", body: "" }),
      "fr",
    );
    const path = new URL(link.url).pathname;
    const first = await client(app).get(path);
    expect(first.status).toBe(303);
    const [exchanged] = await rowsOf(first);
    expect(exchanged).toMatchObject({ action: "invitation_exchanged", entity: "invitations" });
    const again = await client(app).get(path);
    expect(again.status).toBe(410);
    expect(await rowsOf(again)).toMatchObject([
      { action: "refused", entity: "invitations", after: { reason: "used" } },
    ]);
  });

  it("records every download of a report or a questionnaire", async () => {
    const report = await app.request("/cycles/2022/report.xlsx");
    expect(report.status).toBe(200);
    expect(await rowsOf(report)).toMatchObject([
      {
        actor: "anonymous",
        action: "export",
        entity: "reports",
        entity_id: "2022",
        after: { format: "xlsx" },
      },
    ]);
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    const workbook = await psi.get("/q/2023/psi/questionnaire.xlsx");
    expect(workbook.status).toBe(200);
    const [row] = await rowsOf(workbook);
    expect(row).toMatchObject({
      action: "export",
      entity: "questionnaires",
      entity_id: "2023/psi",
      after: { format: "xlsx" },
    });
    expect(row?.actor).toMatch(/^user:\d+$/);
    const blank = await psi.get("/q/2023/psi/questionnaire.pdf?blank=1");
    expect(blank.status).toBe(200);
    expect(await rowsOf(blank)).toMatchObject([{ after: { format: "pdf", blank: true } }]);
  });

  it("records refused access and refused forms", async () => {
    const manager = await signIn(app, ACCOUNTS.programme_manager.email, PASSWORD);
    const forbidden = await manager.post("/manage/cycles", { slug: "2024", label: "2024" });
    expect(forbidden.status).toBe(403);
    expect(await rowsOf(forbidden)).toMatchObject([
      {
        action: "refused",
        entity: "requests",
        entity_id: "POST /manage/cycles",
        after: { reason: "forbidden" },
      },
    ]);
    const forged = await manager.post("/manage/cycles", { _csrf: "forged", slug: "x" });
    expect(forged.status).toBe(403);
    expect(await rowsOf(forged)).toMatchObject([
      { action: "refused", entity_id: "POST /manage/cycles", after: { reason: "csrf" } },
    ]);
    expect((await rowsOf(forged))[0]?.actor).toMatch(/^user:\d+$/);
  });

  it("marks every row of a write with the id of the request that made it", async () => {
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    await coordinator.get("/manage/acronyms");
    const res = await coordinator.post("/manage/acronyms", {
      acronym: "UNFPA",
      expansion: "Fonds des Nations unies pour la population",
    });
    expect(res.status).toBeLessThan(400);
    const rows = await rowsOf(res);
    expect(rows.some((r) => r.action === "create" && r.entity === "acronyms")).toBe(true);
  });
});
