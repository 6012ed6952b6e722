// The language each e-mail address reads: that of the last invitation written to it, else
// French (partners read French in the field). Other parts ask it here, never the tracker's rows.
import { lastInvitationLangs } from "../../db/tracker/invitations.ts";
import { DEFAULT_LANG, type Lang } from "../../domain/shared/lang.ts";
import type { Db } from "../shared/db.ts";

/** Each address's language, keyed by the address as given. */
export async function addressLangs(db: Db, emails: readonly string[]): Promise<Map<string, Lang>> {
  const known = await lastInvitationLangs(db, emails);
  return new Map(emails.map((e) => [e, known.get(e.toLowerCase()) ?? DEFAULT_LANG]));
}
