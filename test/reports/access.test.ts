// Who may download which report: everyone for published cycles, coordinators for any cycle.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { client, signIn } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

describe.each(backends)("report downloads on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
  });
  afterAll(() => t.dispose());

  it("gives the unpublished 2023 report to the coordinator only", async () => {
    const anonymous = client(app);
    expect((await anonymous.get("/cycles/2023/report.html")).status).toBe(404);
    const respondent = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    expect((await respondent.get("/cycles/2023/report.html")).status).toBe(404);
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const res = await coordinator.get("/cycles/2023/report.html");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(await res.text()).toContain("2023");
    expect((await anonymous.get("/cycles/2022/report.html")).status).toBe(200);
  });
});
