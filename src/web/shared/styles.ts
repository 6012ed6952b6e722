// The stylesheet, read once at start and inlined into every page (one request on a 3G link),
// with its hash for the Content-Security-Policy. Its colours come first, from the theme.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { screenProperties } from "../../domain/shared/theme.ts";

export const STYLES =
  screenProperties() +
  readFileSync(new URL("./styles.css", import.meta.url), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s*\n\s*/g, "")
    .replace(/\s{2,}/g, " ");

export const STYLES_HASH = `sha256-${createHash("sha256").update(STYLES).digest("base64")}`;
