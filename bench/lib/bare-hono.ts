// The reference beside the page benchmarks: a bare Hono handler on @hono/node-server, in its own
// process like Jalon's server, answering GET / with a fixed HTML body (a Jalon page, read from
// the file named in argv) through the same gzip middleware, and GET /healthz with "ok". No
// database, no session, no rendering: what serving that page costs at the least on this
// machine, now.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { compress } from "hono/compress";

const html = readFileSync(process.argv[2] ?? "", "utf8");
const app = new Hono();
app.use(compress());
app.get("/", (c) => c.html(html));
app.get("/healthz", (c) => c.text("ok"));
const server = createAdaptorServer({ fetch: app.fetch });
server.listen(0, "127.0.0.1", () => {
  console.log(`READY ${(server.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
