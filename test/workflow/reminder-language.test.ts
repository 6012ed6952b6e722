// Messages that follow an invitation reach its address in the language it was written in: an
// address invited from the English workspace is reminded in English, the others in French.
import { describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import type { TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, useSignedInWorld } from "../support/world.ts";

const TRACKING = "/manage/cycles/2023/tracking";

describe.each(backends)("the language of reminders on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;

  const outbox = (kind: string, slug: string) =>
    t.db
      .selectFrom("outbox as o")
      .innerJoin("partners as p", "p.id", "o.partner_id")
      .select(["o.recipient", "o.subject", "o.body"])
      .where("o.kind", "=", kind)
      .where("p.slug", "=", slug)
      .orderBy("o.id")
      .execute();

  useSignedInWorld(backend, "coordinator", (w) => ({ t, app, client: coordinator } = w));

  it("reminds an address invited in English in English", async () => {
    const invited = await coordinator.post("/manage/cycles/2023/partners/onasr/invite?lang=en", {
      email: "focal.point@onasr.ml",
    });
    expect(invited.status).toBe(200);
    const [invitation] = await outbox("invitation", "onasr");
    expect(invitation?.subject).toBe("Jalon: questionnaire ONASR – January – December 2023");

    const reminded = await coordinator.post(`${TRACKING}/partners/onasr/remind`, {});
    expect(reminded.headers.get("location")).toContain("reminded=queued");
    const [reminder] = await outbox("reminder", "onasr");
    expect(reminder?.recipient).toBe("focal.point@onasr.ml");
    expect(reminder?.subject).toBe("Reminder – ONASR questionnaire (January – December 2023)");
    expect(reminder?.body).toContain("Deadline: 15 February 2024.");
    expect(reminder?.body).not.toContain("Rappel");
  });

  it("reminds an address no invitation gave a language in French", async () => {
    await coordinator.post(`${TRACKING}/partners/msi/remind`, {});
    const [reminder] = await outbox("reminder", "msi");
    expect(reminder?.recipient).toBe(ACCOUNTS.otherRespondent.email);
    expect(reminder?.subject).toBe("Rappel – questionnaire MSI (Janvier – décembre 2023)");
    expect(reminder?.body).toContain("Date limite : 15 février 2024.");
  });
});
