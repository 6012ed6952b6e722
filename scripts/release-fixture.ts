// Builds the database a tagged release made, for the upgrade test: checks the tag out into a
// temporary worktree, lets that release's own code migrate a throwaway PostgreSQL database and
// load its demo (`jalon demo`) and one account per role, then dumps it with pg_dump as plain SQL
// that replays on PostgreSQL and on the embedded database alike (test/support/release-fixture.ts).
//
//   npx node scripts/release-fixture.ts [TAG]        (default: the latest v* tag)
//
// Needs git, pg_dump and a PostgreSQL where it may create a database: JALON_FIXTURE_DATABASE_URL,
// default postgres://postgres@127.0.0.1:5432/postgres. Writes test/fixtures/releases/TAG.sql.gz.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";

const ROOT = resolve(import.meta.dirname, "..");
/** The schema the release builds in: a name no demo text contains, removed from the dump. */
const SCHEMA = "jalon_release_fixture";
/** The accounts the upgrade test signs in with (test/support/release-fixture.ts). */
export const FIXTURE_PASSWORD = "release fixture password";

function git(...args: string[]): string {
  return execFileSync("git", ["-C", ROOT, ...args], { encoding: "utf8" }).trim();
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * The dump without what ties it to one server: session settings, comments, psql meta-commands,
 * the schema's name (the fixture loads into whatever schema the connection uses).
 */
export function portable(dump: string): string {
  const kept: string[] = [];
  for (const line of dump.split("\n")) {
    if (line === "" || line.startsWith("--") || line.startsWith("\\")) continue;
    if (/^SET \w+ = /.test(line) || line.startsWith("SELECT pg_catalog.set_config(")) continue;
    if (line === `CREATE SCHEMA ${SCHEMA};`) continue;
    kept.push(line.replaceAll(`${SCHEMA}.`, ""));
  }
  return `${kept.join("\n")}\n`;
}

/** Whether two checkouts' lockfiles pin the same packages (their own version aside). */
function sameDependencies(a: string, b: string): boolean {
  const pins = (dir: string) => {
    const lock = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8"));
    delete lock.version;
    delete lock.packages?.[""]?.version;
    return JSON.stringify(lock);
  };
  return pins(a) === pins(b);
}

async function main(): Promise<void> {
  const tag = process.argv[2] ?? git("describe", "--tags", "--abbrev=0", "--match", "v*");
  const commit = git("rev-list", "-n", "1", tag);
  const adminUrl =
    process.env.JALON_FIXTURE_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const dbName = `jalon_fixture_${randomBytes(4).toString("hex")}`;
  const tree = await mkdtemp(join(tmpdir(), "jalon-release-"));
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  git("worktree", "add", "--detach", tree, commit);
  try {
    // The release's own dependencies: the ones installed here when its lockfile names the same.
    if (sameDependencies(tree, ROOT) && existsSync(join(ROOT, "node_modules"))) {
      symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"));
    } else {
      run("npm", ["ci", "--no-audit", "--no-fund"], tree);
    }
    await admin.query(`create database ${dbName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    const target = new pg.Client({ connectionString: url.toString() });
    await target.connect();
    await target.query(`create schema ${SCHEMA}`);
    await target.end();
    url.searchParams.set("options", `-c search_path=${SCHEMA}`);
    const env = { DATABASE_URL: url.toString(), JALON_LANG: "en" };

    const node = process.execPath;
    process.stdout.write(run(node, ["bin/jalon.js", "demo"], tree, env));
    // One account per role, made by the release's own code (its password hashing included).
    const accounts = join(tree, "accounts.tmp.ts");
    writeFileSync(accounts, accountsScript(url.toString()));
    process.stdout.write(run(node, [accounts], tree));

    const dump = run(
      "pg_dump",
      [
        "--no-owner",
        "--no-privileges",
        "--no-comments",
        "--inserts",
        "--rows-per-insert=500",
        `--schema=${SCHEMA}`,
        url.toString().replace(/\?.*$/, ""),
      ],
      tree,
    );
    const header = `-- Jalon ${tag} (${commit}): the demo and one account per role, as that release made them; scripts/release-fixture.ts\n`;
    const out = join(ROOT, "test", "fixtures", "releases", `${tag}.sql.gz`);
    const gz = gzipSync(header + portable(dump), { level: 9 });
    writeFileSync(out, gz);
    process.stdout.write(`${out}: ${gz.length} bytes (${dump.length} bytes of SQL)\n`);
  } finally {
    await admin.query(`drop database if exists ${dbName}`).catch(() => {});
    await admin.end();
    git("worktree", "remove", "--force", tree);
    await rm(tree, { recursive: true, force: true });
  }
}

function accountsScript(url: string): string {
  return `import { openDatabase } from "./src/db/connect.ts";
import { addUser } from "./src/services/tracker/users.ts";
const database = await openDatabase({ kind: "postgres", url: ${JSON.stringify(url)} });
const accounts = [
  ["admin@jalon.test", "admin", undefined],
  ["coordination@jalon.test", "coordinator", undefined],
  ["validation@jalon.test", "validator", undefined],
  ["programme@jalon.test", "programme_manager", undefined],
  ["psi@jalon.test", "respondent", "psi"],
];
for (const [email, role, partnerSlug] of accounts) {
  await addUser(database.db, "fixture", {
    email, role, partnerSlug, name: email.split("@")[0], password: ${JSON.stringify(FIXTURE_PASSWORD)},
  });
}
await database.close();
console.log("accounts: " + accounts.length);
`;
}

if (import.meta.main) await main();
