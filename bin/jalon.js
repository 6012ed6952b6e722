#!/usr/bin/env node
// Entry point of the `jalon` command. Jalon runs on Node.js 24 or later (it loads its
// TypeScript sources directly); npm scripts and npx use the pinned Node from devDependencies.
const major = Number.parseInt(process.versions.node.split(".")[0] ?? "0", 10);
if (major < 24) {
  console.error(
    `Jalon nécessite Node.js 24 ou plus (actuel : ${process.versions.node}) : lancez-le par « npm start » ou « npx jalon ». / ` +
      `Jalon needs Node.js 24 or later (found ${process.versions.node}): run it with "npm start" or "npx jalon".`,
  );
  process.exit(1);
}
const { main } = await import("../src/main.ts");
const serving = process.argv[2] === "serve";
const pending = main(process.argv.slice(2), process.env);
// A server answers requests a moment before its start-up ends (the command channel, the set-up
// link): a SIGTERM in that moment waits for the start to finish, then shuts down cleanly,
// rather than killing the process half-started. Other commands keep the default signals.
const stop = async () => {
  const result = await pending;
  if (typeof result !== "number") await result.stop();
  process.exit(typeof result === "number" ? result : 0);
};
if (serving) {
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
const result = await pending;
if (typeof result === "number") {
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  process.exitCode = result;
} else if (!serving) {
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
