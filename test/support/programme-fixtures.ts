// What the programme's service tests share: a signed-in staff actor of a role, an organisation
// unit as the unit writer takes it, and a refused call read as its code and issues.
import type { Actor } from "../../src/domain/shared/policy.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";

type StaffRole = "programme_manager" | "coordinator" | "validator" | "respondent";

/** An account of `role` (a respondent's partner is 1). */
export const staff = (role: StaffRole): Actor => ({
  kind: "user",
  userId: 7,
  role,
  partnerId: role === "respondent" ? 1 : null,
  name: role,
});

/** A unit for `saveOrgUnits`, by code, under the unit of code `parent` (null: a root). */
export const unit = (code: string, name: string, parent: string | null) => ({
  uid: null,
  code,
  name,
  shortName: null,
  parent: parent === null ? null : { uid: null, code: parent },
  openingDate: null,
  closedDate: null,
  geometry: null,
});

/**
 * null when `p` succeeds; a problem as `{ code, [key]: ["path.code", …] }`; any other error as
 * it is.
 */
export const problemOf = (p: Promise<unknown>, key: "issues" | "fields" = "issues") =>
  p.then(
    () => null,
    (e: unknown) =>
      isProblem(e) ? { code: e.code, [key]: e.issues.map((i) => `${i.path}.${i.code}`) } : e,
  );
