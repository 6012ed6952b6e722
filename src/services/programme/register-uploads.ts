// The register's import from the page: an uploaded file is checked first (a dry run, whose
// counts are exact) and kept for a while under a random token; the preview names what would be
// imported, updated and refused; confirming imports the very bytes previewed, once. And the
// templates to fill: the accepted headers, as CSV in the page's language or as a workbook whose
// second sheet lists the facilities by the code a line names them with.
import { createHash, randomBytes } from "node:crypto";
import { entryUnits } from "../../db/health/entry.ts";
import { findProgramme } from "../../db/programme/programmes.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { translator } from "../../i18n/index.ts";
import { REGISTER_TEMPLATE_HEADER } from "../../importers/programme/midwives/map.ts";
import { REGISTER_FILE_LIMITS } from "../../importers/programme/midwives/read.ts";
import { renderTemplateCsv, type TemplateSheet } from "../../reports/health/import-template.ts";
import { fileRefusal } from "../health/dhis2-files.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import type { Renderer } from "../shared/rendering.ts";
import { importRegister, type RegisterImportSummary } from "./register-import.ts";

/** An upload's bytes at most: the register file's cap, with its multipart envelope. */
export const MAX_REGISTER_UPLOAD = REGISTER_FILE_LIMITS.bytes + 64 * 1024;

interface Pending {
  owner: string;
  programmeId: number;
  name: string;
  bytes: Uint8Array;
  until: number;
}

/** Uploads previewed and not yet confirmed, kept in memory for a while, a few at a time. */
export class PendingUploads {
  readonly #kept = new Map<string, Pending>();
  readonly #max: number;
  readonly #ms: number;

  constructor(max = 8, ms = 30 * 60_000) {
    this.#max = max;
    this.#ms = ms;
  }

  keep(entry: Omit<Pending, "until">, now = Date.now()): string {
    for (const [token, p] of this.#kept) if (p.until <= now) this.#kept.delete(token);
    // The oldest goes when full: its preview has to be sent again.
    while (this.#kept.size >= this.#max) {
      const oldest = this.#kept.keys().next().value;
      if (oldest === undefined) break;
      this.#kept.delete(oldest);
    }
    const token = randomBytes(18).toString("base64url");
    this.#kept.set(token, { ...entry, until: now + this.#ms });
    return token;
  }

  /** The upload under `token`, if it is the owner's and still kept; it is kept no longer. */
  take(owner: string, token: string, now = Date.now()): Pending | undefined {
    const p = this.#kept.get(token);
    if (!p || p.owner !== owner) return undefined;
    this.#kept.delete(token);
    return p.until > now ? p : undefined;
  }
}

export interface RegisterPreview {
  programme: { id: number; name: string };
  fileName: string;
  summary: RegisterImportSummary;
  /** What the confirm form sends back; null when the file would change nothing. */
  token: string | null;
}

export type RegisterUploadRefusal =
  | { kind: "missing" }
  | { kind: "programme" }
  | { kind: "file"; code: string; details: Readonly<Record<string, string | number>> };

/** The refusal of a whole upload, named for the page; other errors go on. */
function refusalOf(error: unknown): RegisterUploadRefusal {
  const refused = fileRefusal(error);
  if (refused) return { kind: "file", code: refused.code, details: refused.details };
  throw error;
}

export class RegisterUploadRefused extends Error {
  readonly refusal: RegisterUploadRefusal;
  constructor(refusal: RegisterUploadRefusal) {
    super(`register upload refused: ${refusal.kind}`);
    this.refusal = refusal;
  }
}

/** Checks an uploaded register file (a dry run) and keeps it for the confirmation. */
export async function previewRegister(
  db: Db,
  actor: Actor,
  pending: PendingUploads,
  input: { programmeId: number | null; name: string; bytes: Uint8Array | null },
): Promise<RegisterPreview> {
  authorise(actor, "programme.write");
  if (input.bytes === null || input.bytes.byteLength === 0)
    throw new RegisterUploadRefused({ kind: "missing" });
  const programme =
    input.programmeId === null ? undefined : await findProgramme(db, input.programmeId);
  if (!programme) throw new RegisterUploadRefused({ kind: "programme" });
  let summary: RegisterImportSummary;
  try {
    summary = await importRegister(db, actor, {
      programmeId: programme.id,
      file: { bytes: input.bytes },
      dryRun: true,
      fileHash: null,
    });
  } catch (error) {
    throw new RegisterUploadRefused(refusalOf(error));
  }
  const changes = summary.imported + summary.updated > 0;
  return {
    programme: { id: programme.id, name: programme.name },
    fileName: input.name,
    summary,
    token: changes
      ? pending.keep({
          owner: actorLabel(actor),
          programmeId: programme.id,
          name: input.name,
          bytes: input.bytes,
        })
      : null,
  };
}

/** Imports the upload previewed under `token`; a token no longer kept is a not-found problem. */
export async function confirmRegister(
  db: Db,
  actor: Actor,
  pending: PendingUploads,
  token: string,
): Promise<Omit<RegisterPreview, "token">> {
  authorise(actor, "programme.write");
  const kept = pending.take(actorLabel(actor), token);
  if (!kept) throw notFound("register_upload", "");
  const programme = await findProgramme(db, kept.programmeId);
  if (!programme) throw notFound("programme", kept.programmeId);
  const summary = await importRegister(db, actor, {
    programmeId: programme.id,
    file: { bytes: kept.bytes },
    dryRun: false,
    fileHash: createHash("sha256").update(kept.bytes).digest("hex"),
  });
  return { programme: { id: programme.id, name: programme.name }, fileName: kept.name, summary };
}

export type RegisterTemplateName = "register.csv" | "register.xlsx";

/** A template of the register to download (programme.read: staff who may see the register). */
export async function registerTemplate(
  db: Db,
  renderer: Renderer,
  actor: Actor,
  lang: Lang,
  name: RegisterTemplateName,
): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  authorise(actor, "programme.read");
  const t = translator(lang);
  const register: TemplateSheet = {
    name: t("mwimp.tpl.register"),
    header: REGISTER_TEMPLATE_HEADER[lang],
    rows: [],
  };
  const file = `jalon-${name.replace(".", `-${lang}.`)}`;
  if (name === "register.csv")
    return {
      bytes: new TextEncoder().encode(renderTemplateCsv(register, lang)),
      type: "text/csv; charset=utf-8",
      name: file,
    };
  const facilities: TemplateSheet = {
    name: t("mwimp.tpl.facilities"),
    header: [t("mwimp.tpl.code"), t("mwimp.tpl.name"), t("mwimp.tpl.parent")],
    rows: (await entryUnits(db)).map((u) => [u.key, u.name, u.parentName]),
  };
  return {
    bytes: await renderer.render({
      kind: "import-template-xlsx",
      model: { title: t("mwimp.tpl.title"), sheets: [register, facilities] },
    }),
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    name: file,
  };
}
