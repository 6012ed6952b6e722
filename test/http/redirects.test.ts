// Redirects to a user-supplied target (`next` of the language switch and of the sign-in form)
// stay on this site, whatever the value, and never answer 500.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import { addUser } from "../../src/services/tracker/users.ts";
import { client } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { errorLogger } from "../support/logs.ts";

const HOSTILE = [
  "/\t/evil.example",
  "/%09/evil.example",
  "/\r\n/evil.example",
  "/\r\nSet-Cookie: a=b",
  "/\n/evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  " //evil.example",
  `/${"x".repeat(5000)}`,
];

describe.each(backends)("redirect targets on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const logged: string[] = [];

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await addUser(t.db, "test", {
      email: "admin@jalon.test",
      name: "Admin",
      role: "admin",
      password: "correct horse battery",
    });
    app = createApp({
      db: t.db,
      secureCookies: false,
      logger: errorLogger((l) => logged.push(l)),
      baseUrl: "http://jalon.test",
    });
  });
  afterAll(() => t.dispose());

  const offSite = (location: string | null) =>
    !location?.startsWith("/") || location.startsWith("//") || /[\\\s]/.test(location);

  it("keeps the language switch on this site", async () => {
    for (const next of HOSTILE) {
      // Decoded by the router: "%09" arrives as a tab, as an attacker's link would send it.
      const res = await app.request(`/lang/en?next=${encodeURIComponent(next)}`);
      expect(res.status, next).toBe(303);
      if (next === "/%09/evil.example") expect(res.headers.get("location")).toBe(next);
      else expect(res.headers.get("location"), next).toBe("/");
    }
    const raw = await app.request("/lang/en?next=/%09/evil.example");
    expect(raw.headers.get("location")).toBe("/");
    const good = await app.request(`/lang/en?next=${encodeURIComponent("/partners?x=1#a")}`);
    expect(good.headers.get("location")).toBe("/partners?x=1#a");
  });

  it("keeps the sign-in redirect on this site", async () => {
    for (const next of HOSTILE) {
      const c = client(app);
      await c.get("/login");
      const res = await c.post("/login", {
        email: "admin@jalon.test",
        password: "correct horse battery",
        next,
      });
      expect(res.status, next).toBe(303);
      const location = res.headers.get("location");
      expect(offSite(location), `${next} -> ${location}`).toBe(false);
      if (next !== "/%09/evil.example") expect(location, next).toBe("/manage");
    }
    const c = client(app);
    await c.get("/login");
    const res = await c.post("/login", {
      email: "admin@jalon.test",
      password: "correct horse battery",
      next: "/manage/outbox",
    });
    expect(res.headers.get("location")).toBe("/manage/outbox");
    expect(logged).toEqual([]);
  });
});
