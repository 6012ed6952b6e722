// What a path may name, checked once for every route: a slug (cycles, partners) and the rule that
// a parameter that cannot name anything is a 404, like a well-formed one that names nothing.
import { z } from "zod";
import { notFound } from "../../domain/shared/problem.ts";

/** A cycle's or a partner's identifier in a path. */
export const slugParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** The parameter read by `schema`, or the 404 "no such `subject`". */
export function parseOr404<T>(schema: z.ZodType<T>, value: string | undefined, subject: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw notFound(subject, value ?? "");
  return parsed.data;
}
