// 200 concurrent submissions from 20 partners plus 50 resends, against a real server on
// loopback: none lost, none stored twice, no server error, within a bounded time.

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { setMapping } from "../../src/services/tracker/cycles.ts";
import { createInvitation } from "../../src/services/tracker/invitations.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { errorLogger } from "../support/logs.ts";
import { collectionWorld, SYSTEM } from "../support/world.ts";

const PARTNERS = 20;
const INDICATORS = 10;

interface Session {
  slug: string;
  cookie: string;
  csrf: string;
}

describe.each(backends)("concurrent submissions on %s", (backend) => {
  let t: TestDatabase;
  let server: Server;
  let base: string;
  const sessions: Session[] = [];
  let codes: string[] = [];

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
    const partners = await t.db
      .selectFrom("partners")
      .select(["id", "slug"])
      .orderBy("id")
      .limit(PARTNERS)
      .execute();
    const indicators = await t.db
      .selectFrom("indicators")
      .select(["id", "code"])
      .orderBy("id")
      .limit(INDICATORS)
      .execute();
    codes = indicators.map((i) => i.code);
    await setMapping(
      t.db,
      SYSTEM,
      "2023",
      partners.flatMap((p) => indicators.map((i) => ({ partnerId: p.id, indicatorId: i.id }))),
      "fr",
    );
    const app = createApp({
      db: t.db,
      secureCookies: false,
      logger: errorLogger((l) => console.error(l)),
      baseUrl: "http://jalon.test",
    });
    server = createAdaptorServer({ fetch: app.fetch }) as Server;
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Each partner opens its invitation link, as a respondent would.
    for (const p of partners) {
      const link = await createInvitation(
        t.db,
        SYSTEM,
        { cycleSlug: "2023", partnerSlug: p.slug, email: null, baseUrl: base },
        () => ({ subject: "", body: "" }),
        "fr",
      );
      const res = await fetch(link.url, { redirect: "manual" });
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const page = await (await fetch(`${base}/q/2023/${p.slug}`, { headers: { cookie } })).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";
      sessions.push({ slug: p.slug, cookie, csrf });
    }
  }, 120_000);

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    await t.dispose();
  });

  it("stores each of 250 writes once and loses none", async () => {
    const started = Date.now();
    const put = (s: Session, code: string, clientId: string) =>
      fetch(`${base}/api/q/2023/${s.slug}/${code}`, {
        method: "PUT",
        headers: {
          cookie: s.cookie,
          "x-csrf-token": s.csrf,
          "content-type": "application/json",
          "x-client-id": clientId,
          // Every write is the first one of its answer.
          "if-match": '"0"',
        },
        body: JSON.stringify({
          answer: {
            contributes: "yes",
            activities: `Activités de ${s.slug} pour ${code}`,
            collaboratorIds: [],
            collaboratorsText: null,
            difficulties: null,
            outputs: [{ value: 10, unit: "sessions" }],
            evidence: [],
          },
          submit: true,
        }),
      });
    const writes = sessions.flatMap((s, i) =>
      codes.map((code, j) => ({ s, code, id: `burst-${i}-${j}-abcdef` })),
    );
    const replays = writes.filter((_, k) => k % 4 === 0).slice(0, 50);
    const results = await Promise.all([...writes, ...replays].map((w) => put(w.s, w.code, w.id)));
    const statuses = results.map((r) => r.status);
    const bodies = await Promise.all(results.map((r) => r.json() as Promise<{ outcome?: string }>));
    const elapsed = Date.now() - started;

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(bodies.filter((b) => b.outcome === "saved")).toHaveLength(200);
    expect(bodies.filter((b) => b.outcome === "replayed")).toHaveLength(50);
    const stored = await t.db
      .selectFrom("responses")
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .select([
        "responses.partner_id",
        "responses.indicator_id",
        "responses.version",
        "responses.state",
      ])
      .where("cycles.slug", "=", "2023")
      .execute();
    expect(stored).toHaveLength(200);
    expect(stored.every((r) => r.version === 1 && r.state === "submitted")).toBe(true);
    const clientRows = await t.db
      .selectFrom("client_writes")
      .select("client_id")
      .where("client_id", "like", "burst-%")
      .execute();
    expect(clientRows).toHaveLength(200);
    expect(elapsed).toBeLessThan(60_000);
    console.log(`[${backend}] 250 writes in ${elapsed} ms`);
  }, 90_000);
});
