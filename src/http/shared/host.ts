// Refuses requests that name another site in their Host header (DNS rebinding, a proxy sending
// someone else's traffic): with JALON_BASE_URL set, only its host is served.
import type { MiddlewareHandler } from "hono";
import { messagePage } from "../../web/shared/pages/errors.ts";
import type { AppEnv } from "./env.ts";
import { wantsJson } from "./session.ts";
import { viewOf } from "./view.ts";

/** The host as a browser sends it: lower case, without the scheme's default port. */
export function normaliseHost(host: string, protocol: string): string {
  const lower = host.trim().toLowerCase().replace(/\.$/, "");
  const defaultPort = protocol === "https:" ? ":443" : protocol === "http:" ? ":80" : "";
  return defaultPort && lower.endsWith(defaultPort) ? lower.slice(0, -defaultPort.length) : lower;
}

/** Probes come by address from load balancers and orchestrators, not by the public name. */
const PROBES = new Set(["/healthz", "/readyz"]);

export function hostCheck(allowed: string, baseUrl: string): MiddlewareHandler<AppEnv> {
  const protocol = new URL(baseUrl).protocol;
  const expected = normaliseHost(allowed, protocol);
  return async (c, next) => {
    const host = normaliseHost(c.req.header("host") ?? "", protocol);
    if (host === expected || PROBES.has(c.req.path)) return next();
    // 421 Misdirected Request: this server does not answer for that name.
    if (wantsJson(c)) return c.json({ error: "misdirected" }, 421);
    const view = viewOf(c);
    return c.html(
      messagePage(view, view.t("host.title"), view.t("host.body", { url: baseUrl })),
      421,
    );
  };
}
