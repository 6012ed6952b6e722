// Commitments and process indicators named by id from outside the tracker (a programme serves
// them): which of the ids exist and belong together, with their numbers and titles.
import type { Executor } from "../shared/audit.ts";

export interface CommitmentRef {
  commitmentId: number;
  number: number;
  title: string;
  titleEn: string | null;
  indicator: { id: number; code: string; title: string; titleEn: string | null } | null;
}

/**
 * The commitments and indicators the pairs name, one per pair that exists: an indicator must be
 * one of its commitment's. Pairs that name nothing are left out.
 */
export async function findCommitmentRefs(
  db: Executor,
  pairs: readonly { commitmentId: number; indicatorId: number | null }[],
): Promise<CommitmentRef[]> {
  if (pairs.length === 0) return [];
  const commitments = await db
    .selectFrom("commitments")
    .select(["id", "number", "title", "title_en"])
    .where("id", "in", [...new Set(pairs.map((p) => p.commitmentId))])
    .execute();
  const ids = pairs.flatMap((p) => (p.indicatorId === null ? [] : [p.indicatorId]));
  const indicators =
    ids.length === 0
      ? []
      : await db
          .selectFrom("indicators")
          .select(["id", "commitment_id", "code", "title", "title_en"])
          .where("id", "in", [...new Set(ids)])
          .execute();
  return pairs.flatMap((p) => {
    const c = commitments.find((x) => x.id === p.commitmentId);
    if (!c) return [];
    const i = p.indicatorId === null ? null : indicators.find((x) => x.id === p.indicatorId);
    if (i === undefined || (i !== null && i.commitment_id !== c.id)) return [];
    return [
      {
        commitmentId: c.id,
        number: c.number,
        title: c.title,
        titleEn: c.title_en,
        indicator: i && { id: i.id, code: i.code, title: i.title, titleEn: i.title_en },
      },
    ];
  });
}

export interface CommitmentChoice {
  commitmentId: number;
  number: number;
  title: string;
  titleEn: string | null;
  indicators: { id: number; code: string; title: string; titleEn: string | null }[];
}

/** Every commitment of every tracker with its process indicators, in number and code order. */
export async function listCommitmentChoices(db: Executor): Promise<CommitmentChoice[]> {
  const [commitments, indicators] = await Promise.all([
    db
      .selectFrom("commitments")
      .select(["id", "number", "title", "title_en"])
      .orderBy("tracker_id")
      .orderBy("number")
      .execute(),
    db
      .selectFrom("indicators")
      .select(["id", "commitment_id", "code", "title", "title_en"])
      .orderBy("position")
      .execute(),
  ]);
  return commitments.map((c) => ({
    commitmentId: c.id,
    number: c.number,
    title: c.title,
    titleEn: c.title_en,
    indicators: indicators
      .filter((i) => i.commitment_id === c.id)
      .map((i) => ({ id: i.id, code: i.code, title: i.title, titleEn: i.title_en })),
  }));
}
