// The verdict a validation meeting records for a commitment, with its reason, in place of the
// rule's: stored, audited, printed by the report and counted in its headline; the rule's own
// verdict drops it; a published cycle refuses it. Also the follow-up of 2022's recommendations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";
import { buildReport } from "../../src/services/tracker/reports.ts";
import { getScorecard } from "../../src/services/tracker/scorecard.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import {
  followUpRecommendation,
  getVerdicts,
  recordVerdict,
} from "../../src/services/tracker/verdicts.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, actorOf, PASSWORD } from "../support/world.ts";

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (isProblem(error))
      return { code: error.code, subject: error.subject, details: error.details };
    throw error;
  }
  throw new Error("no problem raised");
}

describe.each(backends)("recorded commitment verdicts on %s", (backend) => {
  let t: TestDatabase;
  let validator: Actor;
  let respondent: Actor;
  const report = () =>
    buildReport(t.db, "2023", "fr", { publishedOnly: false, today: "2024-02-01" });

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false, laterCycle: true });
    for (const a of [ACCOUNTS.validator, ACCOUNTS.respondent])
      await addUser(t.db, "test", {
        email: a.email,
        name: a.role,
        role: a.role,
        partnerSlug: "partner" in a ? a.partner : undefined,
        password: PASSWORD,
      });
    validator = await actorOf(t.db, ACCOUNTS.validator.email);
    respondent = await actorOf(t.db, ACCOUNTS.respondent.email);
  });
  afterAll(() => t.dispose());

  it("records another verdict with its reason; the report prints both and counts the meeting's", async () => {
    const before = await report();
    expect(before.commitments[2]).toMatchObject({
      verdict: "off_track",
      computedVerdict: "off_track",
    });
    expect(before.summary.onTrackOrBetter).toBe(5);
    const saved = await recordVerdict(
      t.db,
      validator,
      "2023",
      {
        commitmentNumber: 3,
        status: "on_track",
        reason: "  Les espaces jeunes rouvrent en janvier.  ",
        reasonEn: "Youth spaces reopen in January.",
      },
      "fr",
    );
    expect(saved).toEqual({
      status: "on_track",
      computed: "off_track",
      reason: "Les espaces jeunes rouvrent en janvier.",
    });
    const after = await report();
    expect(after.commitments[2]).toMatchObject({
      verdict: "on_track",
      computedVerdict: "off_track",
      verdictReason: "Les espaces jeunes rouvrent en janvier.",
    });
    expect(after.summary.onTrackOrBetter).toBe(6);
    const english = await buildReport(t.db, "2023", "en", { publishedOnly: false });
    expect(english.commitments[2]?.verdictReason).toBe("Youth spaces reopen in January.");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("entity", "=", "commitment_verdicts")
      .where("actor", "=", `user:${validator.kind === "user" ? validator.userId : 0}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    const view = await getVerdicts(t.db, validator, "2023", "fr");
    expect(view.editable).toBe(true);
    expect(view.commitments[2]).toMatchObject({
      verdict: { status: "on_track", computed: "off_track" },
      reasonEn: "Youth spaces reopen in January.",
    });
  });

  it("refuses a verdict other than the rule's without a reason, and an unknown status", async () => {
    const missing = { commitmentNumber: 2, status: "off_track", reason: " ", reasonEn: null };
    expect(await problemOf(recordVerdict(t.db, validator, "2023", missing, "fr"))).toMatchObject({
      code: "invalid_input",
    });
    const odd = { commitmentNumber: 2, status: "purple", reason: "x", reasonEn: null };
    expect(await problemOf(recordVerdict(t.db, validator, "2023", odd, "fr"))).toMatchObject({
      code: "invalid_input",
    });
    expect((await report()).commitments[1]?.verdict).toBe("achieved");
  });

  it("drops the recorded verdict when the meeting gives the rule's", async () => {
    const same = { commitmentNumber: 3, status: "off_track", reason: null, reasonEn: null };
    expect(await recordVerdict(t.db, validator, "2023", same, "fr")).toMatchObject({
      status: "off_track",
      reason: null,
    });
    const m = await report();
    expect(m.commitments[2]).toMatchObject({ verdict: "off_track", verdictReason: null });
    expect(m.summary.onTrackOrBetter).toBe(5);
  });

  it("leaves a published cycle's verdicts alone, and respondents out", async () => {
    const form = { commitmentNumber: 1, status: "achieved", reason: "x", reasonEn: null };
    expect(await problemOf(recordVerdict(t.db, validator, "2022", form, "fr"))).toMatchObject({
      code: "conflict",
    });
    expect(await problemOf(recordVerdict(t.db, respondent, "2023", form, "fr"))).toMatchObject({
      code: "forbidden",
    });
    // The public scorecard of 2022 counts the workshop's verdicts, as its report does.
    expect((await getScorecard(t.db, "2022", "fr")).summary.onTrackOrBetter).toBe(4);
  });

  it("follows up the 2022 recommendations from the 2023 meeting", async () => {
    const view = await getVerdicts(t.db, validator, "2023", "fr");
    const third = view.previous?.recommendations[2];
    expect(third?.followUp).toBe("not_started");
    await followUpRecommendation(
      t.db,
      validator,
      "2023",
      {
        recommendationId: third?.id ?? 0,
        followUp: "in_progress",
        note: "Note au MSDS",
        noteEn: null,
      },
      "fr",
    );
    const m = await report();
    expect(m.annexes.followUps?.items[2]).toMatchObject({
      followUp: "in_progress",
      note: "Note au MSDS",
    });
    // A 2023 recommendation is not the previous cycle's: not found from 2023.
    const own = await t.db
      .selectFrom("recommendations as r")
      .innerJoin("cycles as c", "c.id", "r.cycle_id")
      .select("r.id")
      .where("c.slug", "=", "2023")
      .executeTakeFirstOrThrow();
    const form = { recommendationId: own.id, followUp: "done", note: null, noteEn: null };
    expect(
      await problemOf(followUpRecommendation(t.db, validator, "2023", form, "fr")),
    ).toMatchObject({
      code: "not_found",
    });
  });
});
