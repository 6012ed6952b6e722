// A partner's answer about one process indicator for one cycle (annex 1 of the method).
export const CONTRIBUTES = ["yes", "no", "unknown"] as const;
export type Contributes = (typeof CONTRIBUTES)[number];

export const COLLECTION_METHODS = ["online", "interview", "document_review", "import"] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];

export const RESPONSE_STATES = ["draft", "submitted", "validated", "returned"] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number];

/** Answers the public may read once a cycle is published: never drafts or answers sent back. */
export const PUBLIC_ANSWER_STATES: readonly ResponseState[] = ["submitted", "validated"];

/** A quantified result a report quotes: 619 providers trained, 33 000 000 FCFA allocated. */
export interface QuantifiedOutput {
  value: number;
  unit: string;
}

export interface Evidence {
  url: string;
  title: string | null;
}

export interface Response {
  id: number;
  cycleId: number;
  partnerId: number;
  indicatorId: number;
  contributes: Contributes;
  activities: string | null;
  collaboratorIds: number[];
  collaboratorsText: string | null;
  difficulties: string | null;
  outputs: QuantifiedOutput[];
  evidence: Evidence[];
  method: CollectionMethod;
  answeredBy: string | null;
  answeredAt: string | null;
  state: ResponseState;
}

/** A response counts as a contribution when the partner says yes and describes something. */
export function isContribution(r: Pick<Response, "contributes">): boolean {
  return r.contributes === "yes";
}
