// A testimonial's photo as it is kept: a photo carrying GPS coordinates, a camera and a date
// comes out with no EXIF at all (read back with exifr), upright and at most 1600 px; what is no
// image, too big a file or a header announcing 100 million pixels is refused before decoding.
import { crc32, deflateSync } from "node:zlib";
import exifr from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  PHOTO_MAX_BYTES,
  PHOTO_MAX_SIDE,
  reencodePhoto,
} from "../../src/services/programme/photos.ts";

/** A camera's JPEG: 3200 × 2400, taken in Boidié (GPS), with its make, model and date. */
async function cameraPhoto(): Promise<Buffer> {
  return sharp({
    create: { width: 3200, height: 2400, channels: 3, background: { r: 180, g: 120, b: 60 } },
  })
    .jpeg()
    .withExif({
      IFD0: { Make: "Tecno", Model: "Spark 10", Artist: "Awa Traoré" },
      IFD2: { DateTimeOriginal: "2025:03:12 10:41:00" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "13/1 4/1 30/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "6/1 50/1 12/1",
      },
    })
    .toBuffer();
}

/** A PNG whose header says `width` × `height` over a few bytes of pixels. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(1024))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("a testimonial's photo", () => {
  it("loses its GPS position and every EXIF field, and is shrunk to 1600 px", async () => {
    const original = await cameraPhoto();
    const gps = await exifr.gps(original);
    expect(gps?.latitude).toBeCloseTo(13.075, 3);
    expect(gps?.longitude).toBeCloseTo(-6.837, 3);
    expect((await exifr.parse(original))?.Make).toBe("Tecno");

    const kept = await reencodePhoto(original);
    if (!kept.ok) throw new Error(kept.reason);
    expect(await exifr.gps(kept.jpeg)).toBeUndefined();
    expect(await exifr.parse(kept.jpeg, true)).toBeUndefined();
    const meta = await sharp(kept.jpeg).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect([kept.width, kept.height]).toEqual([PHOTO_MAX_SIDE, 1200]);
    expect([meta.width, meta.height]).toEqual([PHOTO_MAX_SIDE, 1200]);
    // The bytes as stored, not the original's.
    expect(Buffer.from(kept.jpeg).includes(Buffer.from("Tecno"))).toBe(false);
  });

  it("is turned upright from its orientation tag, and a small one is not enlarged", async () => {
    const sideways = await sharp({
      create: { width: 400, height: 300, channels: 3, background: "#336699" },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const kept = await reencodePhoto(sideways);
    if (!kept.ok) throw new Error(kept.reason);
    expect([kept.width, kept.height]).toEqual([300, 400]);
    expect((await sharp(kept.jpeg).metadata()).orientation).toBeUndefined();
  });

  it("takes a PNG and writes a JPEG", async () => {
    const png = await sharp({
      create: { width: 50, height: 40, channels: 4, background: "#ffffff80" },
    })
      .png()
      .toBuffer();
    const kept = await reencodePhoto(png);
    expect(kept.ok && (await sharp(kept.jpeg).metadata()).format).toBe("jpeg");
  });

  it.each([
    ["text", Buffer.from("Ceci n'est pas une image.")],
    ["nothing", Buffer.alloc(0)],
    [
      "an SVG",
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>'),
    ],
    ["a cut JPEG", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])],
  ])("refuses %s as no image", async (_, bytes) => {
    expect(await reencodePhoto(bytes)).toEqual({ ok: false, reason: "not_image" });
  });

  it("refuses a file over 10 MB before reading it", async () => {
    expect(await reencodePhoto(new Uint8Array(PHOTO_MAX_BYTES + 1))).toEqual({
      ok: false,
      reason: "too_large",
    });
  });

  it("refuses a header announcing 100 million pixels (a decompression bomb)", async () => {
    const bomb = pngClaiming(10_000, 10_000);
    expect(bomb.length).toBeLessThan(2_000);
    expect(await reencodePhoto(bomb)).toEqual({ ok: false, reason: "too_many_pixels" });
  });
});
