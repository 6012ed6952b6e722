// Hostile values sent to every route of the app (enumerated from app.routes, so a new route is
// covered without editing this file): NUL bytes, integers past int4, unknown ids, very long text,
// impossible dates, in path parameters, query strings, form and JSON bodies and If-Match. No answer
// may be a 500, and the server must log no error. Bounded: a few values per place.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer } from "../support/files.ts";
import { errorLogger } from "../support/logs.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

/** Values that once gave a 500 somewhere, or that PostgreSQL refuses outright. */
const HOSTILE_PARAM = [
  "\u0000",
  "2147483648",
  "99999999999999999999",
  "x".repeat(300),
  "2023-02-30",
];
const HOSTILE_FIELD = [
  "\u0000",
  "a\u0000b",
  "2147483648",
  "-2147483649",
  "999999",
  "x".repeat(300),
  "2023-02-30",
  "2023-02-281",
];
/** Tried in each field one at a time (the others keep the form's values). */
const PER_FIELD = ["\u0000", "2147483648", "x".repeat(300), "2023-02-30"];
const HOSTILE_IF_MATCH = ['"2147483648"', "99999999999999999999", '"-1"'];
/** Query names the routes read (notices, language, redirects, the blank form). */
const QUERY_NAMES = [
  "next",
  "lang",
  "blank",
  "saved",
  "submitted",
  "added",
  "removed",
  "sent",
  "failed",
  "queued",
  "already",
  "noAddress",
  "partner",
  "reminded",
];

/** Good values for each path parameter, so the other parameters reach real rows. */
const GOOD: Record<string, string> = {
  cycle: "2023",
  partner: "psi",
  number: "1",
  lang: "en",
  token: "x".repeat(43),
  id: "2",
  code: "d",
  file: "report.html",
};

interface Form {
  action: string;
  fields: [string, string][];
}

/** The post forms of a page, with the values they would send as they stand. */
function formsOf(html: string): Form[] {
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1] ?? "";
    if (!/method="post"/i.test(attrs)) continue;
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replaceAll("&amp;", "&");
    if (!action) continue;
    const fields: [string, string][] = [];
    const inner = m[2] ?? "";
    for (const tag of inner.matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
      const a = tag[2] ?? "";
      const name = /\bname="([^"]+)"/.exec(a)?.[1];
      if (!name || name === "_csrf") continue;
      const value = /\bvalue="([^"]*)"/.exec(a)?.[1] ?? "";
      const type = /\btype="([^"]+)"/.exec(a)?.[1] ?? "text";
      if ((type === "checkbox" || type === "radio") && !/\bchecked\b/.test(a)) continue;
      if (type === "file") continue;
      fields.push([name, value.replaceAll("&amp;", "&")]);
    }
    forms.push({ action, fields });
  }
  return forms;
}

function pattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((part) => {
      if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const custom = /\{(.+)\}$/.exec(part)?.[1];
      return custom ? `(${custom})` : "([^/]+)";
    })
    .join("/");
  return new RegExp(`^${source}$`);
}

/** The route's path with each parameter set from `values` (custom patterns dropped). */
function fill(path: string, values: Record<string, string>): string {
  return path.replace(/:([a-z]+)(\{[^}]+\})?/gi, (_, name: string) =>
    encodeURIComponent(values[name] ?? GOOD[name] ?? "x"),
  );
}

function paramNames(path: string): string[] {
  return [...path.matchAll(/:([a-z]+)/gi)].map((m) => m[1] ?? "");
}

/** Paths that change what the rest of the run can reach are tried last. */
const LAST = /\/(publish|close|reopen|open|logout|disable)$/;

describe.each(backends)("hostile input on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const logged: string[] = [];
  const failures: string[] = [];

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
    app = createApp({
      db: t.db,
      secureCookies: false,
      logger: errorLogger((line) => logged.push(line)),
      baseUrl: "http://jalon.test",
    });
  }, 120_000);
  afterAll(async () => {
    await renderer.stop();
    await t.dispose();
  });

  const routes = () => {
    const seen = new Set<string>();
    const all = app.routes.filter((r) => {
      const key = `${r.method} ${r.path}`;
      if (r.method === "ALL" || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return [...all.filter((r) => !LAST.test(r.path)), ...all.filter((r) => LAST.test(r.path))];
  };

  /** Prints every failure in full: the assertion's diff alone is cut short. */
  function report() {
    if (failures.length > 0) console.error(failures.join("\n"));
  }

  async function check(who: string, label: string, send: () => Promise<Response>) {
    const before = logged.length;
    let res: Response;
    try {
      res = await send();
    } catch (error) {
      failures.push(`${who} ${label}: threw ${String(error)}`);
      return;
    }
    await res.arrayBuffer();
    if (res.status >= 500 || logged.length > before)
      failures.push(
        `${who} ${label}: ${res.status} ${logged.slice(before).join(" | ").slice(0, 300)}`,
      );
  }

  /** Every post form the actor can reach from the GET pages, by action path. */
  async function reachableForms(c: TestClient): Promise<Form[]> {
    const forms: Form[] = [];
    for (const r of routes()) {
      if (r.method !== "GET" || /\.(pdf|docx|xlsx)|report|static|\/i\/|logout/.test(r.path))
        continue;
      const res = await c.get(fill(r.path, {}));
      if (!(res.headers.get("content-type") ?? "").includes("text/html")) continue;
      forms.push(...formsOf(await res.text()));
    }
    return forms;
  }

  async function fuzz(who: string, c: TestClient, signInAgain: () => Promise<TestClient>) {
    const forms = await reachableForms(c);
    let count = 0;
    for (const r of routes()) {
      // Signing out (and what comes after it) needs a fresh session.
      if (LAST.test(r.path)) c = await signInAgain();
      const method = r.method;
      const re = pattern(r.path);
      const form = forms.find((f) => re.test(f.action.split("?")[0] ?? ""));
      const baseValues: Record<string, string> = {};
      if (form) {
        const match = re.exec(form.action.split("?")[0] ?? "");
        paramNames(r.path).forEach((name, i) => {
          const v = match?.[i + 1];
          if (v) baseValues[name] = decodeURIComponent(v);
        });
      }
      const fields = form?.fields ?? [];
      const send = (
        path: string,
        body: [string, string][],
        headers: Record<string, string> = {},
      ) => {
        count++;
        if (method === "GET") return c.get(path, headers);
        if (method === "PUT") {
          const json: Record<string, unknown> = Object.fromEntries(body);
          return c.send("PUT", path, { answer: json, submit: false }, headers);
        }
        const grouped: Record<string, string[]> = {};
        for (const [k, v] of body) grouped[k] = [...(grouped[k] ?? []), v];
        return c.post(path, grouped);
      };
      // Path parameters, one at a time.
      for (const name of paramNames(r.path)) {
        for (const value of HOSTILE_PARAM) {
          const path = fill(r.path, { ...baseValues, [name]: value });
          await check(
            who,
            `${method} ${r.path} :${name}=${JSON.stringify(value).slice(0, 20)}`,
            () => send(path, fields),
          );
        }
      }
      const good = fill(r.path, baseValues);
      // The query string.
      for (const value of HOSTILE_FIELD.slice(0, 4)) {
        const query = new URLSearchParams(QUERY_NAMES.map((n) => [n, value])).toString();
        await check(who, `${method} ${r.path}?…=${JSON.stringify(value).slice(0, 20)}`, () =>
          send(`${good}?${query}`, fields),
        );
      }
      if (method === "GET") continue;
      // Each field of the form, then every field at once.
      // One field of each name (a grid of checkboxes shares one), at most a dozen per form.
      const firsts = fields
        .map(([name], i) => ({ name, i }))
        .filter(({ name, i }) => fields.findIndex(([k]) => k === name) === i)
        .slice(0, 12);
      for (const { name, i } of firsts) {
        for (const value of PER_FIELD) {
          const body = fields.map(([k, v], j): [string, string] => [k, j === i ? value : v]);
          await check(
            who,
            `${method} ${r.path} ${name}=${JSON.stringify(value).slice(0, 20)}`,
            () => send(good, body),
          );
        }
      }
      for (const value of HOSTILE_FIELD) {
        const names = fields.length > 0 ? fields.map(([k]) => k) : ["email", "password", "name"];
        await check(who, `${method} ${r.path} all=${JSON.stringify(value).slice(0, 20)}`, () =>
          send(
            good,
            names.map((k) => [k, value]),
          ),
        );
      }
      // If-Match and the JSON answer's typed fields.
      for (const value of HOSTILE_IF_MATCH) {
        await check(who, `${method} ${r.path} If-Match ${JSON.stringify(value)}`, () =>
          send(good, fields, { "if-match": value }),
        );
      }
      if (method === "PUT") {
        const answers: unknown[] = [
          {
            contributes: "yes",
            activities: "a\u0000b",
            collaboratorIds: [],
            collaboratorsText: null,
            difficulties: null,
            outputs: [],
            evidence: [],
          },
          {
            contributes: "yes",
            activities: null,
            collaboratorIds: [2147483648],
            collaboratorsText: null,
            difficulties: null,
            outputs: [],
            evidence: [],
          },
          {
            contributes: "yes",
            activities: null,
            collaboratorIds: [999999],
            collaboratorsText: null,
            difficulties: null,
            outputs: [],
            evidence: [],
          },
          {
            contributes: "yes",
            activities: null,
            collaboratorIds: [],
            collaboratorsText: null,
            difficulties: null,
            outputs: [{ value: 1e308, unit: "\u0000" }],
            evidence: [],
          },
          {
            contributes: "yes",
            activities: null,
            collaboratorIds: [],
            collaboratorsText: null,
            difficulties: null,
            outputs: [],
            evidence: [{ url: "https://x.example/\u0000", title: "\u0000" }],
          },
        ];
        for (const answer of answers) {
          await check(who, `PUT ${r.path} json ${JSON.stringify(answer).slice(0, 60)}`, () => {
            count++;
            return c.send("PUT", good, { answer, submit: false }, { "if-match": '"0"' });
          });
        }
      }
    }
    return count;
  }

  it("says which value was refused, in the visitor's language", async () => {
    const visitor = client(app);
    await visitor.get("/login");
    const nul = await visitor.post("/login", { email: "a\u0000@jalon.test", password: "x" });
    expect(nul.status).toBe(400);
    expect(await nul.text()).toContain("Le champ « Adresse e-mail » contient un caractère nul");
    const admin = await signIn(app, ACCOUNTS.admin.email, PASSWORD);
    expect((await admin.get("/manage/acronyms/2147483648")).status).toBe(404);
    expect((await admin.get("/manage/cycles/%00")).status).toBe(404);
    // A forged post to such a path is refused before the CSRF step would log the path.
    const forged = await admin.post("/manage/cycles/%00/close", { _csrf: "forged" });
    expect(forged.status).toBe(404);
    const cycle = await admin.post("/manage/cycles", {
      slug: "2030",
      label: "2030",
      periodStart: "2030-02-30",
      periodEnd: "2030-12-31",
    });
    expect(cycle.status).toBe(400);
    const long = await admin.post("/manage/users?lang=en", { email: "x".repeat(330) });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("This field is too long: 320 characters at most.");
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    const answer = {
      contributes: "yes",
      activities: null,
      collaboratorIds: [999_999],
      collaboratorsText: null,
      difficulties: null,
      outputs: [],
      evidence: [],
    };
    const unknown = await psi.send("PUT", "/api/q/2023/psi/d", { answer }, { "if-match": '"0"' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: "invalid_input",
      subject: "collaborators",
    });
    const big = await psi.send(
      "PUT",
      "/api/q/2023/psi/d",
      { answer },
      { "if-match": '"2147483648"' },
    );
    expect(big.status).toBe(400);
    expect(logged).toEqual([]);
  });

  it("answers no 500 to an administrator", async () => {
    const again = () => signIn(app, ACCOUNTS.admin.email, PASSWORD);
    const count = await fuzz("admin", await again(), again);
    expect(count).toBeGreaterThan(300);
    report();
    expect(failures).toEqual([]);
    expect(logged).toEqual([]);
  }, 300_000);

  it("answers no 500 to a respondent", async () => {
    const again = () => signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    const count = await fuzz("respondent", await again(), again);
    expect(count).toBeGreaterThan(300);
    report();
    expect(failures).toEqual([]);
    expect(logged).toEqual([]);
  }, 300_000);

  it("answers no 500 to a visitor", async () => {
    const again = async () => {
      const c = client(app);
      await c.get("/login");
      return c;
    };
    await fuzz("visitor", await again(), again);
    report();
    expect(failures).toEqual([]);
    expect(logged).toEqual([]);
  }, 300_000);
});
