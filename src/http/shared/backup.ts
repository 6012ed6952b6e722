// GET /manage/backup: an administrator downloads a backup of the whole database, the same file
// `jalon backup` writes, streamed from a private temporary file removed once it is sent.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { Hono } from "hono";
import { notFound } from "../../domain/shared/problem.ts";
import { VERSION } from "../../domain/shared/release.ts";
import { authorise } from "../../services/shared/access.ts";
import { backupForDownload } from "../../services/shared/backup.ts";
import type { AppEnv } from "./env.ts";

export function backupRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/manage/backup", async (c) => {
    authorise(c.get("actor"), "user.manage");
    const database = c.get("deps").health?.database;
    // An app made without its database handle (some tests) has no backup to offer.
    if (!database) throw notFound("backup", "");
    const file = await backupForDownload(database, c.get("actor"), VERSION);
    const stream = createReadStream(file.path);
    stream.on("close", () => void file.done());
    c.header("Content-Type", "application/gzip");
    c.header("Content-Disposition", `attachment; filename="${file.name}"`);
    c.header("Content-Length", String(file.bytes));
    c.header("Cache-Control", "no-store");
    return c.body(Readable.toWeb(stream) as ReadableStream, 200);
  });
  return app;
}
