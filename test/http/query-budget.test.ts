// How many SQL statements each main page and an answer save send, against a budget a little
// above today's count, so that a repeated query or a query per row cannot creep back in; and a
// page's count stays the same when the world grows tenfold (no query per partner or answer).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { scaleWorld } from "../support/scale.ts";
import { statementCounter } from "../support/statements.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

type Who = "anonymous" | "coordinator" | "respondent";

/** Page, who reads it, and the most statements it may send. */
const PAGES: [string, Who, number][] = [
  // Two more since the outcome goals: the goals with their series, then the series' figures.
  ["/", "anonymous", 10],
  // One more since its contributions are cut into pages: each indicator's count of all of them,
  // with the page's ids, before the page's answers are read; one more since the verdict a
  // validation meeting recorded is shown beside the rule's.
  ["/cycles/2022/commitments/1", "anonymous", 15],
  ["/cycles/2022/commitments/1?page=1", "anonymous", 15],
  ["/cycles/2022/synthesis", "anonymous", 14],
  ["/cycles/2022/synthesis/blocks/service_delivery", "anonymous", 10],
  ["/partners", "anonymous", 9],
  ["/partners?q=psi", "anonymous", 9],
  // Four fewer since the answers naming the partner are counted, not read with their lists.
  ["/partners/psi", "anonymous", 13],
  ["/manage", "coordinator", 4],
  ["/manage/cycles/2023", "coordinator", 7],
  ["/manage/cycles/2023/tracking", "coordinator", 14],
  ["/manage/cycles/2022/validation", "coordinator", 17],
  ["/q/2023/psi", "respondent", 12],
  ["/api/q/2023/psi", "respondent", 12],
];

/**
 * The most statements one answer save (an update with one output row) may send: the session,
 * the questionnaire with its cycle locked, the indicator with its answer locked, the answers
 * read under that lock, and the write with its audit record. A save that changes a list of rows
 * sends one more, to insert the new list.
 */
const ANSWER_SAVE = 5;
const ANSWER_SAVE_NEW_ROWS = ANSWER_SAVE + 1;

describe.each(backends)("statements per request on %s", (backend) => {
  let t: TestDatabase;
  const counter = statementCounter();
  let clients: Record<Who, TestClient | null>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
    app = createApp({
      db: t.db.withPlugin(counter.plugin),
      secureCookies: false,
      baseUrl: "http://jalon.test",
    });
    clients = {
      anonymous: null,
      coordinator: await signIn(app, ACCOUNTS.coordinator.email, PASSWORD),
      respondent: await signIn(app, ACCOUNTS.respondent.email, PASSWORD),
    };
  }, 120_000);
  afterAll(() => t.dispose());

  /** Statements one request sends, once the client's session is warm. */
  async function statements(path: string, who: Who): Promise<number> {
    const c = clients[who];
    const get = () => (c ? c.get(path) : app.request(path));
    const warm = await get();
    expect(warm.status, path).toBe(200);
    await warm.arrayBuffer();
    counter.reset();
    await (await get()).arrayBuffer();
    return counter.count();
  }

  let version = 0;
  let code = "";
  async function save(i: number, value = "12,5"): Promise<number> {
    const respondent = clients.respondent;
    if (!respondent) throw new Error("no respondent");
    const res = await respondent.send(
      "PUT",
      `/api/q/2023/psi/${code}`,
      {
        answer: {
          contributes: "yes",
          activities: `Formation ${i}`,
          collaboratorIds: [],
          collaboratorsText: null,
          difficulties: null,
          outputs: [{ value, unit: "sessions" }],
          evidence: [],
        },
        submit: false,
      },
      { "if-match": `"${version}"`, "x-client-id": `budget-${backend}-${i}` },
    );
    expect(res.status).toBe(200);
    version = Number((res.headers.get("etag") ?? "").replaceAll('"', ""));
    return version;
  }

  it.each(PAGES)("%s (%s) stays within %i statements", async (path, who, budget) => {
    expect(await statements(path, who)).toBeLessThanOrEqual(budget);
  });

  it(`saves an answer within ${ANSWER_SAVE} statements`, async () => {
    const q = await (await clients.respondent?.get("/api/q/2023/psi"))?.json();
    const indicator = q.commitments[0].indicators[0];
    code = indicator.code;
    version = indicator.answer?.version ?? 0;
    await save(0);
    counter.reset();
    await save(1);
    expect(counter.count()).toBeLessThanOrEqual(ANSWER_SAVE);
  });

  it(`saves an answer whose rows change within ${ANSWER_SAVE_NEW_ROWS} statements`, async () => {
    counter.reset();
    await save(10, "13");
    expect(counter.count()).toBeLessThanOrEqual(ANSWER_SAVE_NEW_ROWS);
    await save(11, "12,5");
  });

  it("sends as many statements for each page once the world has grown tenfold", async () => {
    const before = new Map<string, number>();
    for (const [path, who] of PAGES) before.set(path, await statements(path, who));
    counter.reset();
    await save(2);
    const saveBefore = counter.count();
    await scaleWorld(t.db, 10);
    for (const [path, who] of PAGES)
      expect({ path, statements: await statements(path, who) }).toEqual({
        path,
        statements: before.get(path),
      });
    counter.reset();
    await save(3);
    expect(counter.count()).toBe(saveBefore);
  }, 240_000);

  // Run after the world has grown tenfold (above): the lists now run over several pages.
  it("sends no more statements for a list's second page than for its first", async () => {
    const synthesis = await (await app.request("/cycles/2022/synthesis")).text();
    const block = /href="(\/cycles\/2022\/synthesis\/blocks\/[a-z_]+)"/.exec(synthesis)?.[1];
    expect(block).toBeDefined();
    for (const path of ["/cycles/2022/commitments/1", "/partners", "/partners?q=a", block ?? ""]) {
      // A page whose answers have no children (outputs, proofs) skips reading them: fewer, never more.
      const second = `${path}${path.includes("?") ? "&" : "?"}page=2`;
      const first = await statements(path, "anonymous");
      expect(await statements(second, "anonymous"), second).toBeLessThanOrEqual(first);
    }
  });
});
