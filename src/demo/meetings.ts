// The validation meetings of a demo cycle, written with their participants: one helper for the
// 2022 world and its later cycle.
import type { Transaction } from "kysely";
import type { DB } from "../db/schema.ts";
import { insertValidationMeeting } from "../db/tracker/assessments.ts";
import type { WorldValidationMeeting } from "./world.ts";

/** Writes the meetings of a cycle; each meeting's id by its world key. */
export async function writeMeetings(
  db: Transaction<DB>,
  actor: string,
  cycleId: number,
  meetings: readonly WorldValidationMeeting[],
  partnerId: (key: string) => number,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const m of meetings) {
    const id = await insertValidationMeeting(
      db,
      actor,
      { cycleId, title: m.title.fr, titleEn: m.title.en ?? null, heldOn: m.heldOn, place: m.place },
      m.participants.map(partnerId),
    );
    ids.set(m.key, id);
  }
  return ids;
}
