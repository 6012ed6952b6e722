// The client address a request came from: the socket's remote address, as @hono/node-server
// hands it over. X-Forwarded-For is believed only when the operator says a proxy stands in front
// (JALON_TRUST_PROXY), and then only its last entry, the one that proxy wrote.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { AppEnv } from "./env.ts";

export function clientAddress(c: Context<AppEnv>): string | null {
  if (c.get("deps").trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").pop()?.trim();
    if (last) return last.slice(0, 64);
  }
  // In-process requests (app.request in tests) have no socket and so no address.
  if (!c.env || typeof c.env !== "object" || !("incoming" in c.env)) return null;
  return getConnInfo(c).remote.address ?? null;
}
