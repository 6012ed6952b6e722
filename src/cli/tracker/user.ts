// `jalon user add`: creates an account and prints the link to choose its password, so that no
// password ever goes through the shell's history.
import type { Lang } from "../../domain/shared/lang.ts";
import { fieldReasons, isProblem } from "../../domain/shared/problem.ts";
import { createPasswordSetupLink } from "../../services/shared/auth.ts";
import type { Db } from "../../services/shared/db.ts";
import { migrate } from "../../services/shared/setup.ts";
import { addUser } from "../../services/tracker/users.ts";
import type { Io } from "../commands.ts";
import { cliMessage } from "../messages.ts";

export async function runUserAdd(
  db: Db,
  command: { email: string; role: string; partner?: string; fullName?: string },
  baseUrl: string,
  lang: Lang,
  io: Io,
): Promise<number> {
  await migrate(db);
  try {
    const user = await addUser(db, "cli", {
      email: command.email,
      name: command.fullName || command.email.split("@")[0] || command.email,
      role: command.role,
      partnerSlug: command.partner,
    });
    const url = await createPasswordSetupLink(db, user.id, baseUrl);
    io.out(cliMessage(lang, "user_created", { email: user.email, role: user.role, url }));
    return 0;
  } catch (error) {
    if (!isProblem(error) || error.code !== "invalid_input") throw error;
    // One line per refused field, with the value given for it.
    const given: Record<string, string> = {
      email: command.email,
      role: command.role,
      partner: command.partner ?? "",
      name: command.fullName ?? "",
    };
    for (const [field, reason] of Object.entries(fieldReasons(error))) {
      io.err(
        field === "email" && reason === "taken"
          ? cliMessage(lang, "user_exists", { value: command.email })
          : cliMessage(lang, "user_invalid", { field, value: given[field] ?? "" }),
      );
    }
    return 1;
  }
}
