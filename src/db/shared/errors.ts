// Constraint violations as problems. A service checks what it can before it writes ("this slug
// is taken"), but two requests can both pass the check and race to the insert: the database's
// UNIQUE, FOREIGN KEY and CHECK constraints then refuse the loser, and this table turns that
// refusal into the problem the check would have given, by constraint name, instead of a 500.
// PGlite reports the same SQLSTATE codes and constraint names as PostgreSQL.
import { invalidFields, Problem } from "../../domain/shared/problem.ts";

/** The SQLSTATE codes of the violations translated here. */
export const VIOLATION = {
  unique: "23505",
  foreignKey: "23503",
  check: "23514",
} as const;

type ViolationKind = keyof typeof VIOLATION;

interface Translation {
  kind: ViolationKind;
  problem: () => Problem;
}

const taken = (field: string): Translation => ({
  kind: "unique",
  problem: () => invalidFields({ [field]: "taken" }),
});

/**
 * Each named constraint and the problem its violation is. A name the user chose being taken
 * is the form's own refusal beside that field; the same pair written twice at once, or a pair
 * removed meanwhile, is a conflict (someone else changed it: read it again).
 */
const CONSTRAINTS: Readonly<Record<string, Translation>> = {
  cycles_tracker_slug_key: taken("slug"),
  partners_tracker_slug_key: taken("slug"),
  partners_tracker_name_key: taken("name"),
  users_email_key: taken("email"),
  acronyms_tracker_acronym_key: taken("acronym"),
  dhis2_connections_name_key: taken("name"),
  org_units_code_key: taken("code"),
  org_units_uid_key: taken("uid"),
  mappings_pkey: { kind: "unique", problem: () => new Problem("conflict", "mapping") },
  responses_cycle_partner_indicator_key: {
    kind: "unique",
    problem: () => new Problem("conflict", "answer"),
  },
  responses_mapping_fkey: { kind: "foreignKey", problem: () => new Problem("conflict", "mapping") },
  assessments_cycle_indicator_key: {
    kind: "unique",
    problem: () => new Problem("conflict", "assessment"),
  },
  cycle_texts_cycle_kind_key: { kind: "unique", problem: () => new Problem("conflict", "text") },
  collection_extensions_cycle_partner: {
    kind: "unique",
    problem: () => new Problem("conflict", "extension"),
  },
  cycles_period_order: {
    kind: "check",
    problem: () => invalidFields({ periodEnd: "before_start" }),
  },
  users_partner_role: { kind: "check", problem: () => invalidFields({ partner: "required" }) },
};

function violationOf(error: unknown): { code: string; constraint: string } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (typeof code !== "string" || !Object.values(VIOLATION).includes(code as never))
    return undefined;
  return { code, constraint: typeof constraint === "string" ? constraint : "" };
}

/**
 * The problem a constraint violation is, or undefined for any other error. A unique or
 * foreign-key violation of a constraint not in the table is still a conflict (two writes met);
 * an unknown CHECK violation is a bug and stays an error.
 */
export function violationProblem(error: unknown): Problem | undefined {
  const violation = violationOf(error);
  if (!violation) return undefined;
  const known = CONSTRAINTS[violation.constraint];
  if (known && VIOLATION[known.kind] === violation.code) return known.problem();
  if (violation.code === VIOLATION.check) return undefined;
  return new Problem("conflict", "write");
}

/** Runs a write; a constraint violation comes out as its problem, any other error unchanged. */
export async function refusingViolations<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw violationProblem(error) ?? error;
  }
}

/** The constraints this module names: a test checks that each one exists in the schema. */
export const TRANSLATED_CONSTRAINTS: readonly string[] = Object.keys(CONSTRAINTS);
