// What a midwife's page reads and the forms it sends: her file with each deployment's facility
// by name, the programmes she may be deployed under, and a deployment whose facility is typed
// as a code or DHIS2 uid (a national tree has too many facilities for a list to choose from).
import { unitByKey } from "../../db/health/unit-tree.ts";
import { findDeployment } from "../../db/programme/deployments.ts";
import { listProgrammes, unitNames } from "../../db/programme/programmes.ts";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { invalidFields, notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import {
  deployMidwife,
  endDeployment,
  type MidwifeFile,
  midwifeFile,
  type StoredDeployment,
} from "./midwives.ts";

export interface MidwifePage {
  file: MidwifeFile;
  /** Each deployment's facility name, by org-unit id. */
  facilities: Record<number, string>;
  programmes: { id: number; name: string }[];
  canWrite: boolean;
}

export async function midwifePage(db: Db, actor: Actor, id: number): Promise<MidwifePage> {
  const file = await midwifeFile(db, actor, id);
  const [units, programmes] = await Promise.all([
    unitNames(db, [...new Set(file.deployments.map((d) => d.facilityId))]),
    listProgrammes(db),
  ]);
  return {
    file,
    facilities: Object.fromEntries(units.map((u) => [u.id, u.name])),
    programmes: programmes.map((p) => ({ id: p.id, name: p.name })),
    canWrite: can(actor, "programme.write"),
  };
}

export interface DeployForm {
  programme: string;
  facility: string;
  startDate: string;
  endDate: string;
  endReason: string;
}

/** Deploys a midwife to the facility whose code or uid was typed. */
export async function deployFromForm(
  db: Db,
  actor: Actor,
  midwifeId: number,
  form: DeployForm,
): Promise<StoredDeployment> {
  authorise(actor, "programme.write");
  const key = form.facility.trim();
  const facility = key === "" ? undefined : await unitByKey(db, key);
  const programmeId = Number(form.programme);
  const issues: Record<string, string> = {};
  if (key === "") issues.facility = "required";
  else if (!facility) issues.facility = "not_found";
  if (!Number.isInteger(programmeId) || programmeId <= 0) issues.programme = "required";
  if (Object.keys(issues).length > 0) throw invalidFields(issues);
  return deployMidwife(db, actor, {
    midwifeId,
    programmeId,
    facilityId: facility?.id ?? 0,
    startDate: form.startDate.trim(),
    endDate: form.endDate.trim() === "" ? null : form.endDate.trim(),
    endReason: form.endReason === "" ? null : form.endReason,
  });
}

/** Refuses, before the form is shown, whoever may not add to the register. */
export function mayRegister(actor: Actor): void {
  authorise(actor, "programme.write");
}

/**
 * Ends a deployment from its form: here the last day is required (clearing it, which reopens a
 * deployment, is not this form's to do). Returns the deployment; a refusal names the midwife
 * whose page shows the form again.
 */
export async function endFromForm(
  db: Db,
  actor: Actor,
  id: number,
  form: { endDate: string; endReason: string },
): Promise<StoredDeployment> {
  authorise(actor, "programme.write");
  const found = await findDeployment(db, id);
  if (!found) throw notFound("deployment", id);
  const endDate = form.endDate.trim();
  if (endDate === "")
    throw invalidFields({
      endDate: "required",
      ...(form.endReason === "" ? { endReason: "required" } : {}),
    });
  return endDeployment(db, actor, id, { endDate, endReason: form.endReason });
}

/** The midwife a deployment belongs to, for the page a refused end form comes back on. */
export async function midwifeOfDeployment(db: Db, actor: Actor, id: number): Promise<number> {
  authorise(actor, "programme.read");
  const found = await findDeployment(db, id);
  if (!found) throw notFound("deployment", id);
  return found.midwifeId;
}
