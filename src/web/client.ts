// The client modules, read once at start and served under names that carry their hash, so
// browsers may keep them for good and never run an old copy against a new server.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

function clientModule(name: string): { source: string; path: string } {
  const source = readFileSync(new URL(`./client/${name}.js`, import.meta.url), "utf8");
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 12);
  return { source, path: `/static/${name}.${hash}.js` };
}

const questionnaire = clientModule("questionnaire");
const copy = clientModule("copy");

/** The questionnaire's drafts, offline outbox and saving without reloading. */
export const QUESTIONNAIRE_JS = questionnaire.source;
export const QUESTIONNAIRE_JS_PATH = questionnaire.path;

/** The copy button beside a link to hand over. */
export const COPY_JS = copy.source;
export const COPY_JS_PATH = copy.path;
