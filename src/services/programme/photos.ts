// A testimonial's photo as it is kept: what was uploaded is decoded, turned upright, shrunk to
// 1600 px at most and written anew as a JPEG with no metadata (no EXIF, no GPS, no camera), so
// nothing of the original file is ever stored or served. Refused: what is no image, a file
// over 10 MB, and an image whose header announces more pixels than 50 million (a small file
// that would decompress to gigabytes), or one that takes more than 10 s to process. libvips
// decodes on libuv's thread pool, off the main thread.
import sharp from "sharp";

/** The largest file accepted (10 MB). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** The most pixels an upload may announce before it is decoded. */
export const PHOTO_MAX_PIXELS = 50_000_000;
/** The longest a photo may take to decode and re-encode. */
export const PHOTO_MAX_SECONDS = 10;
/** The longest side of a kept photo. */
export const PHOTO_MAX_SIDE = 1600;

// Bitmap formats only: SVG (a document that may fetch or script) and PDF are not photos. The
// prebuilt libvips reads HEIF only as AVIF; a phone's HEIC is refused (browsers on iOS send a
// JPEG when the field does not ask for HEIC).
const FORMATS: ReadonlySet<string> = new Set(["jpeg", "png", "webp", "heif", "avif", "tiff"]);

export type PhotoRefusal = "not_image" | "too_large" | "too_many_pixels";

export type PhotoResult =
  | { ok: true; jpeg: Uint8Array; width: number; height: number }
  | { ok: false; reason: PhotoRefusal };

/** The photo re-encoded, or why it is refused. */
export async function reencodePhoto(input: Uint8Array): Promise<PhotoResult> {
  if (input.byteLength > PHOTO_MAX_BYTES) return { ok: false, reason: "too_large" };
  if (input.byteLength === 0) return { ok: false, reason: "not_image" };
  const options = { limitInputPixels: PHOTO_MAX_PIXELS, failOn: "error" } as const;
  let format: string | undefined;
  let pixels = 0;
  try {
    const meta = await sharp(input, { ...options, limitInputPixels: false }).metadata();
    format = meta.format;
    pixels = (meta.width ?? 0) * (meta.height ?? 0) * Math.max(1, meta.pages ?? 1);
  } catch {
    return { ok: false, reason: "not_image" };
  }
  if (format === undefined || !FORMATS.has(format)) return { ok: false, reason: "not_image" };
  if (pixels > PHOTO_MAX_PIXELS) return { ok: false, reason: "too_many_pixels" };
  try {
    const { data, info } = await sharp(input, options)
      .autoOrient()
      .resize({
        width: PHOTO_MAX_SIDE,
        height: PHOTO_MAX_SIDE,
        fit: "inside",
        withoutEnlargement: true,
      })
      .jpeg({ quality: 82, mozjpeg: true })
      .timeout({ seconds: PHOTO_MAX_SECONDS })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, jpeg: new Uint8Array(data), width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      return { ok: false, reason: "too_many_pixels" };
    return { ok: false, reason: "not_image" };
  }
}
