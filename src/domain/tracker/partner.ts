// Partner organisations and their categories, in the order reports list them.
import { compareFr } from "../shared/group.ts";

export const PARTNER_CATEGORIES = [
  "government",
  "donor",
  "international_ngo",
  "local_ngo",
  "private_sector",
] as const;

export type PartnerCategory = (typeof PARTNER_CATEGORIES)[number];

export interface Partner {
  id: number;
  slug: string;
  name: string;
  acronym: string | null;
  category: PartnerCategory;
}

/** The short name a table shows: the acronym when there is one. */
export function partnerShortName(partner: Pick<Partner, "name" | "acronym">): string {
  return partner.acronym ?? partner.name;
}

/** Groups partners by category, keeping every category (even empty ones) in report order. */
export function groupByCategory<P extends Pick<Partner, "category" | "name" | "acronym">>(
  partners: readonly P[],
): { category: PartnerCategory; partners: P[] }[] {
  return PARTNER_CATEGORIES.map((category) => ({
    category,
    partners: partners
      .filter((p) => p.category === category)
      .sort((a, b) => compareFr(partnerShortName(a), partnerShortName(b))),
  }));
}

/** URL-safe identifier derived from an acronym or name: "PSAT Canada" -> "psat-canada". */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
