// A logo as it is kept for the report's cover: what was uploaded (PNG, JPEG or SVG) is decoded
// and written anew as a PNG of at most 800 × 400 px, so no uploaded file is ever stored or
// embedded as it came. An SVG is a document that may fetch files or run script: it is refused
// unless it holds only drawing (no script, no external reference, no entity) and is then
// rasterised. Refused too: a file over 2 MB and an image announcing more than 25 million
// pixels before it is decoded.
import sharp from "sharp";

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
export const LOGO_MAX_PIXELS = 25_000_000;
const MAX_WIDTH = 800;
const MAX_HEIGHT = 400;
const FORMATS: ReadonlySet<string> = new Set(["png", "jpeg", "svg"]);

export type LogoRefusal = "not_logo" | "too_large" | "too_many_pixels" | "unsafe_svg";

export type LogoResult =
  | { ok: true; png: Uint8Array; width: number; height: number }
  | { ok: false; reason: LogoRefusal };

/** Whether an SVG holds only drawing: nothing it could fetch, run or expand. */
export function safeSvg(svg: string): boolean {
  if (/<!DOCTYPE|<!ENTITY|<\?xml-stylesheet/i.test(svg)) return false;
  if (/<\s*(?:script|foreignObject|iframe|object|embed|audio|video)\b/i.test(svg)) return false;
  if (/\son[a-z]+\s*=/i.test(svg)) return false;
  if (/@import|javascript:/i.test(svg)) return false;
  // References may point inside the document ("#id") or hold an embedded bitmap, nothing else.
  for (const m of svg.matchAll(/(?:href|src)\s*=\s*["']\s*([^"']*)["']/gi)) {
    const target = m[1] ?? "";
    if (!target.startsWith("#") && !/^data:image\/(?:png|jpeg);base64,/i.test(target)) return false;
  }
  for (const m of svg.matchAll(/url\(\s*["']?\s*([^)"'\s]*)/gi))
    if (!(m[1] ?? "").startsWith("#")) return false;
  return true;
}

const looksLikeSvg = (bytes: Uint8Array) =>
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(
    new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096)),
  );

/** The logo re-encoded as PNG, or why it is refused. */
export async function reencodeLogo(input: Uint8Array): Promise<LogoResult> {
  if (input.byteLength > LOGO_MAX_BYTES) return { ok: false, reason: "too_large" };
  if (input.byteLength === 0) return { ok: false, reason: "not_logo" };
  const svg = looksLikeSvg(input);
  if (svg && !safeSvg(new TextDecoder().decode(input))) return { ok: false, reason: "unsafe_svg" };
  const options = { limitInputPixels: LOGO_MAX_PIXELS, failOn: "error", density: 144 } as const;
  let pixels = 0;
  try {
    const meta = await sharp(input, { ...options, limitInputPixels: false }).metadata();
    if (meta.format === undefined || !FORMATS.has(meta.format) || (meta.format === "svg") !== svg)
      return { ok: false, reason: "not_logo" };
    pixels = (meta.width ?? 0) * (meta.height ?? 0) * Math.max(1, meta.pages ?? 1);
  } catch {
    return { ok: false, reason: "not_logo" };
  }
  if (pixels > LOGO_MAX_PIXELS) return { ok: false, reason: "too_many_pixels" };
  try {
    const { data, info } = await sharp(input, options)
      .autoOrient()
      .resize({ width: MAX_WIDTH, height: MAX_HEIGHT, fit: "inside", withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .timeout({ seconds: 10 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, png: new Uint8Array(data), width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      return { ok: false, reason: "too_many_pixels" };
    return { ok: false, reason: "not_logo" };
  }
}
