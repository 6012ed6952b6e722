// The tracker's commitments and process indicators as other parts name them, by id: the one
// door programme monitoring has into the tracker. Titles come in the reader's language.
import { findCommitmentRefs, listCommitmentChoices } from "../../db/tracker/commitment-refs.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Db } from "../shared/db.ts";

export interface CommitmentLabel {
  commitmentId: number;
  number: number;
  title: string;
  indicator: { id: number; code: string; title: string } | null;
}

export type CommitmentPair = { commitmentId: number; indicatorId: number | null };

/** The pairs that name a commitment (and one of its own indicators), with their titles. */
export async function commitmentLabels(
  db: Db,
  pairs: readonly CommitmentPair[],
  lang: Lang,
): Promise<CommitmentLabel[]> {
  const pick = (fr: string, en: string | null) => (lang === "en" && en ? en : fr);
  return (await findCommitmentRefs(db, pairs)).map((r) => ({
    commitmentId: r.commitmentId,
    number: r.number,
    title: pick(r.title, r.titleEn),
    indicator: r.indicator && {
      id: r.indicator.id,
      code: r.indicator.code,
      title: pick(r.indicator.title, r.indicator.titleEn),
    },
  }));
}

/** The pairs that name nothing: an unknown commitment, or an indicator of another one. */
export async function unknownCommitmentPairs(
  db: Db,
  pairs: readonly CommitmentPair[],
): Promise<CommitmentPair[]> {
  const found = await findCommitmentRefs(db, pairs);
  return pairs.filter(
    (p) =>
      !found.some(
        (f) => f.commitmentId === p.commitmentId && (f.indicator?.id ?? null) === p.indicatorId,
      ),
  );
}

export interface CommitmentChoiceLabel {
  commitmentId: number;
  number: number;
  title: string;
  indicators: { id: number; code: string; title: string }[];
}

/** The commitments and process indicators a programme may say it serves, in the reader's language. */
export async function commitmentChoices(db: Db, lang: Lang): Promise<CommitmentChoiceLabel[]> {
  const pick = (fr: string, en: string | null) => (lang === "en" && en ? en : fr);
  return (await listCommitmentChoices(db)).map((c) => ({
    commitmentId: c.commitmentId,
    number: c.number,
    title: pick(c.title, c.titleEn),
    indicators: c.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      title: pick(i.title, i.titleEn),
    })),
  }));
}
