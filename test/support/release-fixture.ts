// A database as an earlier release left it: the plain-SQL dump scripts/release-fixture.ts made
// of that release's demo, replayed statement by statement into a blank database of either store
// (the embedded database takes one statement per query, so the dump is split here).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { sql } from "kysely";
import { FIXTURE_PASSWORD } from "../../scripts/release-fixture.ts";
import { type BackendName, blankDatabase, type TestDatabase } from "./database.ts";

/** The release before this one: the database an upgrade starts from. */
export const PREVIOUS_RELEASE = "v0.1.0";
/** The last migration that release applied. */
export const PREVIOUS_SCHEMA = "0026_programme_publication";

export const RELEASE_PASSWORD = FIXTURE_PASSWORD;
/** The accounts the release made beside its demo, all with RELEASE_PASSWORD. */
export const RELEASE_ACCOUNTS = {
  admin: "admin@jalon.test",
  coordinator: "coordination@jalon.test",
  validator: "validation@jalon.test",
  programmeManager: "programme@jalon.test",
  respondent: "psi@jalon.test",
} as const;

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "releases");

/** The dump's statements, split on the semicolons outside quotes, identifiers and $$ bodies. */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      // A doubled quote inside is the quote itself: skipping to the next one and going on works.
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unterminated ${ch} at ${i}`);
      i = end + 1;
    } else if (ch === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64))?.[0];
      if (!tag) {
        i++;
        continue;
      }
      const end = text.indexOf(tag, i + tag.length);
      if (end < 0) throw new Error(`unterminated ${tag} at ${i}`);
      i = end + tag.length;
    } else if (ch === "-" && text[i + 1] === "-") {
      const end = text.indexOf("\n", i);
      if (start === i) start = end < 0 ? text.length : end + 1;
      i = end < 0 ? text.length : end + 1;
    } else if (ch === ";") {
      const statement = text.slice(start, i).trim();
      if (statement) statements.push(statement);
      start = ++i;
    } else {
      i++;
    }
  }
  if (text.slice(start).trim()) throw new Error("the dump ends inside a statement");
  return statements;
}

/** The statements of a release's fixture. */
export function releaseStatements(tag: string = PREVIOUS_RELEASE): string[] {
  const text = gunzipSync(readFileSync(join(FIXTURES, `${tag}.sql.gz`))).toString("utf8");
  return splitStatements(text);
}

/** A blank database of the store with the release's database replayed into it, not upgraded. */
export async function releaseDatabase(
  kind: BackendName,
  tag: string = PREVIOUS_RELEASE,
): Promise<TestDatabase> {
  const database = await blankDatabase(kind);
  try {
    const statements = releaseStatements(tag);
    await database.db.transaction().execute(async (trx) => {
      for (const statement of statements) await sql.raw(statement).execute(trx);
    });
  } catch (error) {
    await database.dispose();
    throw error;
  }
  return database;
}
