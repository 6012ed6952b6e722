// `jalon analytics "<query>"`: the answer to a DHIS2-style analytics query, printed as the same
// JSON the web endpoint returns, read with the operator's (administrator's) rights.
import { parseAnalyticsQuery } from "../../domain/health/analytics-query.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { runAnalytics } from "../../services/health/analytics.ts";
import type { Db } from "../../services/shared/db.ts";
import { migrate } from "../../services/shared/setup.ts";
import type { Command } from "../args.ts";
import type { Io } from "../commands.ts";
import { type CliMessage, cliMessage } from "../messages.ts";

const OPERATOR: Actor = { kind: "user", userId: 0, role: "admin", partnerId: null, name: "cli" };

export async function runAnalyticsCommand(
  db: Db,
  command: Extract<Command, { name: "analytics" }>,
  lang: Lang,
  io: Io,
): Promise<number> {
  await migrate(db);
  const parsed = parseAnalyticsQuery(new URLSearchParams(command.query));
  const refuse = (code: string, item: string) => {
    const reason = cliMessage(lang, `analytics.${code}` as CliMessage, { item });
    io.err(cliMessage(lang, "analytics_refused", { reason }));
    return 1;
  };
  if (!parsed.ok) {
    for (const p of parsed.problems) refuse(p.code, p.item);
    return 1;
  }
  try {
    io.out(JSON.stringify(await runAnalytics(db, { actor: OPERATOR }, parsed.query), null, 2));
    return 0;
  } catch (error) {
    if (isProblem(error) && error.code === "invalid_input")
      return refuse(String(error.details.reason), String(error.details.field));
    throw error;
  }
}
