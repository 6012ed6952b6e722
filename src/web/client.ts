// The client modules (the questionnaire's script, the copy button), read once at start and
// served under names that carry their hash (browsers may keep them for good and never run an old
// copy against a new server); the questionnaire's service worker (served at /sw.js so that it
// may control the questionnaire pages) and the web app manifest that makes it installable.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { SCREEN } from "../domain/shared/theme.ts";
import { translator } from "../i18n/index.ts";

const source = (name: string) => readFileSync(new URL(`./client/${name}`, import.meta.url), "utf8");

function clientModule(name: string): { source: string; path: string } {
  const text = source(`${name}.js`);
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 12);
  return { source: text, path: `/static/${name}.${hash}.js` };
}

const questionnaire = clientModule("questionnaire");
const copy = clientModule("copy");

/** The questionnaire's drafts, offline outbox and saving without reloading. */
export const QUESTIONNAIRE_JS = questionnaire.source;
export const QUESTIONNAIRE_JS_PATH = questionnaire.path;

/** The copy button beside a link to hand over. */
export const COPY_JS = copy.source;
export const COPY_JS_PATH = copy.path;

const fr = translator("fr");
const en = translator("en");

/** What the worker answers for a questionnaire never opened on this device, in both languages. */
const OFFLINE_PAGE = `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${fr("app.name")}</title><p>${fr("q.offline.noPage")}</p><p lang="en">${en("q.offline.noPage")}</p>`;

/** The worker, bound to this module (a new module makes a new worker, which browsers install). */
export const SERVICE_WORKER_JS = source("sw.js")
  .replace('"%MODULE%"', JSON.stringify(QUESTIONNAIRE_JS_PATH))
  .replace('"%OFFLINE_PAGE%"', JSON.stringify(OFFLINE_PAGE));

export const MANIFEST_PATH = "/manifest.webmanifest";
export const ICON_PATH = "/icon.svg";

export const MANIFEST = JSON.stringify({
  name: `${fr("app.name")} – ${fr("q.app.name")}`,
  short_name: fr("app.name"),
  description: fr("q.app.description"),
  lang: "fr",
  start_url: "/q",
  scope: "/",
  display: "standalone",
  background_color: SCREEN.bg,
  theme_color: SCREEN.brand,
  icons: [{ src: ICON_PATH, sizes: "any", type: "image/svg+xml", purpose: "any" }],
});

/** The app's icon: the brand colour and the letter J, drawn for any size. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="${SCREEN.brand}"/><path d="M300 128v180c0 52-34 84-86 84-30 0-56-10-74-28l30-40c12 10 26 16 42 16 22 0 36-12 36-38V128z" fill="${SCREEN.onBrand}"/></svg>`;
