/**
 * Threat: a black box that is not really black (JPEG ringing, chroma bleed, a transparent fill),
 * or one drawn in the wrong place (EXIF orientation ignored), leaves a face or a document
 * readable in a copy meant for wider sharing.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  blackoutImage,
  imageInfo,
  stripMetadata,
  workingCopyRecord,
} from '../../../electron/main/image-redaction';
import type { Rect } from '../../../electron/main/image-redaction';
import { decode, fromPixels, meanDiffOutside, nonBlackIn, photoPixels } from './images';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

// Odd size and odd offsets, so nothing lines up with JPEG's 8- or 16-pixel blocks by luck.
const W = 203;
const H = 151;
const REGIONS: Rect[] = [
  { x: 13, y: 9, w: 37, h: 29 },
  { x: 101, y: 77, w: 61, h: 43 },
  { x: 120, y: 90, w: 30, h: 50 }, // overlaps the previous one
];

async function sources() {
  const pixels = photoPixels(W, H);
  return {
    jpeg: await fromPixels(pixels).jpeg({ quality: 92 }).toBuffer(),
    png: await fromPixels(pixels).png().toBuffer(),
    webp: await fromPixels(pixels).webp({ quality: 80 }).toBuffer(),
  };
}

describe('blackoutImage: the region is black, the rest is the photo', () => {
  for (const format of ['jpeg', 'png', 'webp'] as const) {
    it(`${format}: every requested pixel decodes to exactly (0,0,0), the rest is unchanged`, async () => {
      const source = (await sources())[format];
      const out = await blackoutImage(source, REGIONS);
      expect(out.format).toBe(format);
      expect((await sharp(out.bytes).metadata()).format).toBe(format);
      expect([out.width, out.height]).toEqual([W, H]);
      const decoded = await decode(out.bytes);
      for (const r of REGIONS) expect(nonBlackIn(decoded, r), JSON.stringify(r)).toBe(0);
      // Outside the painted rectangles the copy is the photo: lossless formats exactly, JPEG
      // within re-encoding noise (a shifted or rotated image would differ by ~60).
      const before = await decode(source);
      const diff = meanDiffOutside(decoded, before, out.filled);
      expect(diff).toBeLessThan(format === 'jpeg' ? 2.5 : 0.001);
    });
  }

  it('jpeg: the fill grows only outward, to the 8-pixel block grid, and covers each region', async () => {
    const out = await blackoutImage((await sources()).jpeg, REGIONS);
    expect(out.filled).toHaveLength(REGIONS.length);
    out.filled.forEach((f, i) => {
      const r = REGIONS[i]!;
      expect(f.x % 8).toBe(0);
      expect(f.y % 8).toBe(0);
      expect(f.x + f.w === W || (f.x + f.w) % 8 === 0).toBe(true);
      expect(f.y + f.h === H || (f.y + f.h) % 8 === 0).toBe(true);
      expect(f.x <= r.x && f.y <= r.y).toBe(true);
      expect(f.x + f.w >= r.x + r.w && f.y + f.h >= r.y + r.h).toBe(true);
      expect(r.x - f.x).toBeLessThan(8);
      expect(f.x + f.w - (r.x + r.w)).toBeLessThan(8);
    });
    const decoded = await decode(out.bytes);
    for (const f of out.filled) expect(nonBlackIn(decoded, f)).toBe(0);
  });

  it('png: exactly the requested pixels are painted, not a pixel more', async () => {
    const region = { x: 13, y: 9, w: 37, h: 29 };
    const out = await blackoutImage((await sources()).png, [region]);
    expect(out.filled).toEqual([region]);
    const decoded = await decode(out.bytes);
    const ring = [
      { x: region.x - 1, y: region.y, w: 1, h: region.h },
      { x: region.x + region.w, y: region.y, w: 1, h: region.h },
      { x: region.x, y: region.y - 1, w: region.w, h: 1 },
      { x: region.x, y: region.y + region.h, w: region.w, h: 1 },
    ];
    for (const side of ring) expect(nonBlackIn(decoded, side)).toBe(side.w * side.h);
  });

  it('a region over transparent pixels becomes opaque black, not see-through', async () => {
    const pixels = photoPixels(64, 48, 4);
    const png = await fromPixels(pixels).png().toBuffer();
    const out = await blackoutImage(png, [{ x: 5, y: 5, w: 20, h: 20 }]);
    const decoded = await decode(out.bytes);
    expect(decoded.channels).toBe(4);
    expect(nonBlackIn(decoded, { x: 5, y: 5, w: 20, h: 20 })).toBe(0);
  });

  it('clips a region that runs over the edge, and blacks out up to the edge', async () => {
    const out = await blackoutImage((await sources()).png, [{ x: -10, y: H - 20, w: 50, h: 100 }]);
    expect(out.filled).toEqual([{ x: 0, y: H - 20, w: 40, h: 20 }]);
    expect(nonBlackIn(await decode(out.bytes), { x: 0, y: H - 20, w: 40, h: 20 })).toBe(0);
  });

  it('uses displayed coordinates for a photo with EXIF orientation 6 (rotated 90°)', async () => {
    // The picture as it should be displayed: 48 wide, 64 tall. Stored rotated back by 90°, with
    // orientation 6 telling viewers to turn it clockwise again.
    const displayed = photoPixels(48, 64, 3, 7);
    const stored = await fromPixels(displayed).rotate(270).png().toBuffer();
    const source = await sharp(stored)
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const meta = await sharp(source).metadata();
    expect([meta.orientation, meta.width, meta.height]).toEqual([6, 64, 48]);
    expect(await imageInfo(source)).toEqual({
      format: 'jpeg',
      outputFormat: 'jpeg',
      width: 48,
      height: 64,
    });

    const topLeft = { x: 0, y: 0, w: 16, h: 16 };
    const out = await blackoutImage(source, [topLeft]);
    expect([out.width, out.height]).toEqual([48, 64]);
    // The copy is stored upright, with no orientation tag left to turn it again.
    expect((await sharp(out.bytes).metadata()).orientation).toBeUndefined();
    const decoded = await decode(out.bytes);
    expect(nonBlackIn(decoded, topLeft)).toBe(0);
    // Top-right as displayed is the stored top-left: it must still be the photo.
    expect(nonBlackIn(decoded, { x: 32, y: 0, w: 16, h: 16 })).toBe(256);
    // And the whole picture is the right way round: JPEG noise is ~3–6 levels here, a mirrored
    // or 180°-turned picture measures 45–65.
    expect(meanDiffOutside(decoded, await decode(source), out.filled)).toBeLessThan(8);
    expect(meanDiffOutside(decoded, displayed, out.filled)).toBeLessThan(8);
  });

  it('writes TIFF, GIF and AVIF sources as PNG, blacked out', async () => {
    const pixels = photoPixels(40, 30);
    const inputs = {
      tiff: await fromPixels(pixels).tiff().toBuffer(),
      gif: await fromPixels(pixels).gif().toBuffer(),
      heif: await fromPixels(pixels).avif().toBuffer(),
    };
    for (const [format, source] of Object.entries(inputs)) {
      expect((await imageInfo(source)).format, format).toBe(format);
      const out = await blackoutImage(source, [{ x: 3, y: 4, w: 10, h: 10 }]);
      expect(out.format, format).toBe('png');
      expect((await sharp(out.bytes).metadata()).format, format).toBe('png');
      expect(nonBlackIn(await decode(out.bytes), { x: 3, y: 4, w: 10, h: 10 }), format).toBe(0);
    }
  });

  it('does not change the source buffer', async () => {
    const source = (await sources()).jpeg;
    const before = sha256(source);
    const copy = Buffer.from(source);
    const out = await blackoutImage(source, REGIONS);
    await stripMetadata(source);
    expect(sha256(source)).toBe(before);
    expect(source.equals(copy)).toBe(true);
    expect(out.sourceSha256).toBe(before);
    expect(out.bytes.equals(source)).toBe(false);
  });
});

describe('stripMetadata', () => {
  it('keeps every pixel of a lossless image and paints nothing', async () => {
    const { png } = await sources();
    const out = await stripMetadata(png);
    expect(out.filled).toEqual([]);
    expect(out.regions).toEqual([]);
    expect((await decode(out.bytes)).data.equals((await decode(png)).data)).toBe(true);
  });
});

describe('workingCopyRecord', () => {
  it('names the source, the regions and the output, and redoing it gives the same bytes', async () => {
    const { jpeg } = await sources();
    const regions = REGIONS.map((r) => ({ ...r }));
    const out = await blackoutImage(jpeg, regions);
    const record = workingCopyRecord(out);
    expect(record).toEqual({
      sourceSha256: sha256(jpeg),
      regions: REGIONS,
      outputSha256: sha256(out.bytes),
      format: 'jpeg',
      width: W,
      height: H,
    });
    // The record holds its own copy: a caller editing its list later does not rewrite history.
    regions[0]!.x = 99;
    expect(record.regions[0]).toEqual(REGIONS[0]);
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    const again = await blackoutImage(jpeg, record.regions);
    expect(again.sha256).toBe(record.outputSha256);
  });
});
