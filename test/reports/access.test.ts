// Who may download which report: everyone for published cycles, coordinators for any cycle, and
// the workspace offers the downloads to exactly those who may use them.
import { describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { client, signIn } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, PASSWORD, useCollectionWorld } from "../support/world.ts";

describe.each(backends)("report downloads on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  useCollectionWorld(backend, (w) => ({ t, app } = w));

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

  it("offers the draft report on the cycle overview to the coordinator, not to the validator", async () => {
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const overview = await (await coordinator.get("/manage/cycles/2023")).text();
    expect(overview).toContain("Rapport annuel");
    expect(overview).toContain("Brouillon tiré des données du moment");
    const links = [...overview.matchAll(/href="(\/cycles\/2023\/report\.[a-z]+\?lang=fr)"/g)].map(
      (m) => m[1] ?? "",
    );
    expect(links).toEqual([
      "/cycles/2023/report.docx?lang=fr",
      "/cycles/2023/report.pdf?lang=fr",
      "/cycles/2023/report.html?lang=fr",
      "/cycles/2023/report.xlsx?lang=fr",
    ]);
    const pdf = await coordinator.get(links[1] ?? "");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    const theirs = await (await validator.get("/manage/cycles/2023")).text();
    expect(theirs).not.toContain("/cycles/2023/report.");
    // The published 2022 cycle's report is offered to the validator too.
    const published = await (await validator.get("/manage/cycles/2022")).text();
    expect(published).toContain('href="/cycles/2022/report.pdf?lang=fr"');
  });
});
