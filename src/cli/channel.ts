// The local channel between `jalon` commands and the server that owns the embedded database: a
// Unix socket in the data directory, one JSON line asking, JSON lines answering (output lines,
// then the exit code). PGlite stays in one process; the socket, like the directory, is the
// owner's only, so it grants nothing that reading the data files would not.
import { chmod, rm } from "node:fs/promises";
import { createConnection, createServer, type Socket } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { Io } from "./commands.ts";

export const SOCKET_NAME = "jalon.sock";
/** A request is one command line: far below this. */
const MAX_REQUEST = 64 * 1024;

const requestSchema = z.object({
  v: z.literal(1),
  argv: z.array(z.string().max(4096)).max(64),
  cwd: z.string().min(1).max(4096),
  lang: z.enum(["fr", "en"]),
});
export type ChannelRequest = Omit<z.infer<typeof requestSchema>, "v">;

const answerSchema = z.union([
  z.object({ out: z.string() }),
  z.object({ err: z.string() }),
  z.object({ exit: z.number().int().min(0).max(255) }),
]);

export function socketPath(dataDir: string): string {
  return join(dataDir, SOCKET_NAME);
}

export interface Channel {
  path: string;
  close(): Promise<void>;
}

/**
 * Listens in the data directory. The caller holds the directory's lock, so a socket already
 * there was left by a process that died: it is replaced.
 */
export async function openChannel(
  dataDir: string,
  handle: (request: ChannelRequest, io: Io) => Promise<number>,
): Promise<Channel> {
  const path = socketPath(dataDir);
  await chmod(dataDir, 0o700);
  await rm(path, { force: true });
  const running = new Set<Promise<void>>();
  const server = createServer((socket) => {
    const task = serveOne(socket, handle).finally(() => running.delete(task));
    running.add(task);
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(path, () => {
      server.off("error", fail);
      done();
    });
  });
  // The directory is already the owner's only; the socket says so too.
  await chmod(path, 0o600);
  let closing: Promise<void> | undefined;
  return {
    path,
    close() {
      closing ??= (async () => {
        await new Promise<void>((done) => server.close(() => done()));
        // A command already handed over finishes before the database closes under it.
        await Promise.allSettled([...running]);
        await rm(path, { force: true });
      })();
      return closing;
    },
  };
}

async function serveOne(
  socket: Socket,
  handle: (request: ChannelRequest, io: Io) => Promise<number>,
): Promise<void> {
  socket.on("error", () => {});
  const line = await firstLine(socket);
  const send = (answer: z.infer<typeof answerSchema>) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(answer)}\n`);
  };
  const parsed = line === undefined ? undefined : safeJson(line);
  const request = requestSchema.safeParse(parsed);
  if (!request.success) {
    send({ exit: 2 });
    socket.end();
    return;
  }
  const { argv, cwd, lang } = request.data;
  const io: Io = { out: (l) => send({ out: l }), err: (l) => send({ err: l }) };
  const code = await handle({ argv, cwd, lang }, io).catch(() => 1);
  send({ exit: code });
  socket.end();
}

/** The first line a client sends, or undefined if it sends too much or hangs up first. */
function firstLine(socket: Socket): Promise<string | undefined> {
  return new Promise((done) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const end = buffer.indexOf("\n");
      if (end >= 0 || buffer.length > MAX_REQUEST) {
        socket.off("data", onData);
        done(end >= 0 ? buffer.slice(0, end) : undefined);
      }
    };
    socket.on("data", onData);
    socket.once("close", () => done(undefined));
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Hands a command to the server listening in the data directory and prints its answer. Resolves
 * to the command's exit code, "absent" when no server listens there, or "lost" when the server
 * went away before finishing.
 */
export function forward(
  dataDir: string,
  request: ChannelRequest,
  io: Io,
): Promise<number | "absent" | "lost"> {
  return new Promise((done) => {
    const socket = createConnection(socketPath(dataDir));
    let connected = false;
    let exit: number | undefined;
    socket.once("connect", () => {
      connected = true;
      socket.write(`${JSON.stringify({ v: 1, ...request })}\n`);
    });
    socket.on("error", () => {});
    const lines = createInterface({ input: socket });
    // The socket's own errors end in "close", handled below.
    lines.on("error", () => {});
    lines.on("line", (line) => {
      const answer = answerSchema.safeParse(safeJson(line));
      if (!answer.success) return;
      if ("out" in answer.data) io.out(answer.data.out);
      else if ("err" in answer.data) io.err(answer.data.err);
      else exit = answer.data.exit;
    });
    socket.once("close", () => {
      lines.close();
      done(exit ?? (connected ? "lost" : "absent"));
    });
  });
}
