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
const result = await main(process.argv.slice(2), process.env);
if (typeof result === "number") {
  process.exitCode = result;
} else {
  const stop = async () => {
    await result.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
