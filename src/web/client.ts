// The questionnaire's client module, read once at start and served under a name that carries
// its hash, so browsers may keep it for good and never run an old copy against a new server.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export const QUESTIONNAIRE_JS = readFileSync(
  new URL("./client/questionnaire.js", import.meta.url),
  "utf8",
);

const hash = createHash("sha256").update(QUESTIONNAIRE_JS).digest("hex").slice(0, 12);

export const QUESTIONNAIRE_JS_PATH = `/static/questionnaire.${hash}.js`;
