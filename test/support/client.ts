// An HTTP client for in-process tests that behaves like a browser: keeps cookies, reads the
// CSRF token from the last page it loaded, and signs in through the real login form; the same
// browser speaks real HTTP to a server in a child process.
import type { Hono } from "hono";
import type { AppEnv } from "../../src/http/shared/env.ts";

export interface TestClient {
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Posts a form, adding the CSRF field unless `_csrf` is given. */
  post(path: string, form: Record<string, string | string[]>): Promise<Response>;
  /** Sends JSON with the CSRF header. */
  send(
    method: "PUT" | "POST" | "DELETE",
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  csrf(): string;
  cookies: Map<string, string>;
}

/**
 * `from` gives the requests a client address, as @hono/node-server's socket would; without it
 * they have none (the server then keys no limit on an address).
 */
export function client(app: Hono<AppEnv>, from?: string): TestClient {
  const env = from ? { incoming: { socket: { remoteAddress: from } } } : undefined;
  return browser(async (path, init) => app.request(path, init, env));
}

/** The same browser over real HTTP, to a server listening at `base` (a child process). */
export function httpClient(base: string): TestClient {
  return browser((path, init) => fetch(`${base}${path}`, { ...init, redirect: "manual" }));
}

function browser(request: (path: string, init: RequestInit) => Promise<Response>): TestClient {
  const cookies = new Map<string, string>();
  let csrf = "";

  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const remember = async (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (/max-age=0/i.test(line) || value === "") cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    const type = res.headers.get("content-type") ?? "";
    if (type.includes("text/html")) {
      const text = await res.clone().text();
      const found = /name="_csrf" value="([^"]+)"/.exec(text);
      if (found?.[1]) csrf = found[1];
    }
    return res;
  };

  return {
    cookies,
    csrf: () => csrf,
    async get(path, headers = {}) {
      return remember(await request(path, { headers: { cookie: cookieHeader(), ...headers } }));
    },
    async post(path, form) {
      const body = new URLSearchParams();
      if (!("_csrf" in form)) body.append("_csrf", csrf);
      for (const [k, v] of Object.entries(form)) {
        for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
      }
      return remember(
        await request(path, {
          method: "POST",
          body: body.toString(),
          headers: {
            cookie: cookieHeader(),
            "content-type": "application/x-www-form-urlencoded",
          },
        }),
      );
    },
    async send(method, path, payload, headers = {}) {
      return remember(
        await request(path, {
          method,
          body: JSON.stringify(payload),
          headers: {
            cookie: cookieHeader(),
            "content-type": "application/json",
            "x-csrf-token": csrf,
            ...headers,
          },
        }),
      );
    },
  };
}

/** Signs in through the form; throws when the login fails. */
export async function signIn(
  app: Hono<AppEnv> | TestClient,
  email: string,
  password: string,
): Promise<TestClient> {
  const c = "cookies" in app ? app : client(app);
  await c.get("/login");
  const res = await c.post("/login", { email, password });
  if (res.status !== 303) throw new Error(`login failed for ${email}: ${res.status}`);
  // Load a page so the client holds the session's CSRF token (the sign-out form carries it).
  await c.get("/");
  return c;
}
