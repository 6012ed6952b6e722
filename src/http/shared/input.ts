// Refusals shared by every route: text holding NUL (PostgreSQL cannot store it) is refused before
// any route runs, in the path (404), the query or the body (400, naming the field); ids in paths
// must fit an int4 column.
import type { Context, MiddlewareHandler } from "hono";
import { hasNul, parseId } from "../../domain/shared/input.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import type { AppEnv } from "./env.ts";

/** The first field (dotted path for JSON) whose text holds NUL, or null. */
export function nulField(value: unknown, path = ""): string | null {
  if (typeof value === "string") return hasNul(value) ? path || "body" : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const hit = nulField(item, path ? `${path}.${i}` : String(i));
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object" && !(value instanceof Blob)) {
    for (const [key, item] of Object.entries(value)) {
      if (hasNul(key)) return path ? `${path}.…` : "…";
      const hit = nulField(item, path ? `${path}.${key}` : key);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * NUL in the address, refused before any middleware reads it: the session, CSRF and audit
 * steps write the (decoded) path to the database, which cannot hold NUL.
 */
export function refuseNulInAddress(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.includes("%00") || hasNul(url.pathname)) throw notFound("page", "");
    for (const [key, value] of url.searchParams) {
      if (hasNul(key) || hasNul(value)) throw new Problem("invalid_input", "nul", { field: key });
    }
    await next();
  };
}

/** NUL in a form or JSON body, refused once the body limit and the CSRF check have passed. */
export function refuseNul(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const field = nulField(await readBody(c));
      if (field) throw new Problem("invalid_input", "nul", { field });
    }
    await next();
  };
}

/** The parsed body (cached by Hono for the route), or null when it is not a form or JSON. */
async function readBody(c: Context<AppEnv>): Promise<unknown> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded" || type === "multipart/form-data")
    return c.req.parseBody({ all: true });
  if (type === "application/json") return c.req.json().catch(() => null);
  return null;
}

/** A numeric id from the path; anything that is not one (or does not fit int4) is not found. */
export function idParam(c: Context<AppEnv>, name: string, subject: string): number {
  const raw = c.req.param(name) ?? "";
  const id = parseId(raw);
  if (id === null) throw notFound(subject, raw.slice(0, 20));
  return id;
}
