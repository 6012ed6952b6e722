// Whether this instance may take traffic: its database answers, within a short wait, with
// every migration this code knows applied, and its own parts (the job runner) are alive.
import { pendingMigrations } from "../../db/migrate.ts";
import type { Db } from "./db.ts";

export type Readiness =
  | { ready: true }
  | { ready: false; reason: "process" | "database" | "migrations"; detail?: string };

/** A probe answers quickly or not at all: a database slower than this is not ready. */
export const READY_TIMEOUT_MS = 2000;

export async function readiness(
  db: Db,
  o: { alive?: (() => boolean) | undefined; timeoutMs?: number } = {},
): Promise<Readiness> {
  if (o.alive && !o.alive()) return { ready: false, reason: "process" };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), o.timeoutMs ?? READY_TIMEOUT_MS);
    timer.unref();
  });
  try {
    const pending = await Promise.race([pendingMigrations(db), late]);
    if (pending.length > 0)
      return { ready: false, reason: "migrations", detail: pending.join(", ") };
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: "database", detail: String((error as Error)?.message ?? error) };
  } finally {
    clearTimeout(timer);
  }
}
