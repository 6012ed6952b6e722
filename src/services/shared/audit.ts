// Security events for the audit log that are not writes of an entity: refused requests and
// downloads (exports). The request id that marks every row comes from the HTTP layer.
import { recordAudit } from "../../db/shared/audit.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import type { Db } from "./db.ts";

export { withRequestId } from "../../db/shared/audit.ts";

/** A request refused for lack of rights (403) or of a valid CSRF token. */
export async function recordRefusal(
  db: Db,
  actor: Actor,
  r: { method: string; path: string; reason: "forbidden" | "csrf"; address: string | null },
): Promise<void> {
  await recordAudit(db, {
    actor: actorLabel(actor),
    action: "refused",
    entity: "requests",
    entityId: `${r.method} ${r.path}`.slice(0, 600),
    after: { reason: r.reason, address: r.address },
  });
}

/** A file that left the server: a report of a cycle, or a partner's questionnaire. */
export async function recordExport(
  db: Db,
  actor: Actor,
  e: {
    kind: "report" | "questionnaire";
    cycle: string;
    partner?: string;
    format: string;
    blank?: boolean;
  },
): Promise<void> {
  await recordAudit(db, {
    actor: actorLabel(actor),
    action: "export",
    entity: e.kind === "report" ? "reports" : "questionnaires",
    entityId: e.partner ? `${e.cycle}/${e.partner}` : e.cycle,
    after: { format: e.format, ...(e.blank ? { blank: true } : {}) },
  });
}
