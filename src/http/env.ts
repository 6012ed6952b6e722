// What the HTTP layer receives from main.ts, and what each request carries.

import type { Lang } from "../domain/lang.ts";
import type { Db } from "../services/db.ts";

export interface AppDeps {
  db: Db;
  /** Secure cookies everywhere but local development over plain HTTP. */
  secureCookies: boolean;
  log: (line: string) => void;
}

export interface AppEnv {
  Variables: { deps: AppDeps; lang: Lang };
}
