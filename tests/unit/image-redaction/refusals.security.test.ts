/**
 * Threat: hostile or broken input — a file that is not an image, a truncated one, a
 * decompression bomb, a path instead of bytes — or a malformed request that would yield a
 * "redacted" copy with nothing redacted. Each is refused with a typed error the UI can translate.
 */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  blackoutImage,
  imageInfo,
  MAX_INPUT_BYTES,
  MAX_INPUT_PIXELS,
  MAX_REGIONS,
  stripMetadata,
} from '../../../electron/main/image-redaction';
import type { Rect } from '../../../electron/main/image-redaction';
import type { ErrorCode } from '../../../shared/errors';
import { catchAppError } from '../../helpers/app-error';
import { fromPixels, photoPixels, pngDeclaring } from './images';

const ONE: Rect[] = [{ x: 0, y: 0, w: 4, h: 4 }];

/** Every entry point refuses `source` with `code`. */
async function expectRefused(source: unknown, code: ErrorCode): Promise<void> {
  const bytes = source as Buffer;
  for (const run of [
    () => imageInfo(bytes),
    () => blackoutImage(bytes, ONE),
    () => stripMetadata(bytes),
  ]) {
    expect((await catchAppError(run)).code).toBe(code);
  }
}

const photo = (w = 200, h = 150) => fromPixels(photoPixels(w, h));

describe('refused sources', () => {
  it('bytes that are not an image', async () => {
    await expectRefused(Buffer.from('Свідчення: not an image at all'), 'IMAGE_UNSUPPORTED');
    await expectRefused(Buffer.alloc(0), 'IMAGE_UNSUPPORTED');
  });

  it('a string, which sharp would open as a file path', async () => {
    await expectRefused('/etc/hostname', 'BAD_INPUT');
  });

  it('SVG and other document formats', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><text>name</text></svg>',
    );
    expect((await sharp(svg).metadata()).format).toBe('svg');
    await expectRefused(svg, 'IMAGE_UNSUPPORTED');
  });

  it('an animated GIF or WebP (only one frame would be blacked out)', async () => {
    // Two different 20×20 frames stacked; sharp writes them as an animation.
    const frames = photoPixels(20, 40);
    const raw = { width: 20, height: 40, channels: 3 as const, pageHeight: 20 };
    for (const animated of [
      await sharp(frames.data, { raw }).gif().toBuffer(),
      await sharp(frames.data, { raw }).webp().toBuffer(),
    ]) {
      expect((await sharp(animated).metadata()).pages).toBe(2);
      await expectRefused(animated, 'IMAGE_UNSUPPORTED');
    }
  });

  it('a truncated JPEG, PNG and WebP', async () => {
    for (const full of [
      await photo().jpeg().toBuffer(),
      await photo().png().toBuffer(),
      await photo().webp().toBuffer(),
    ]) {
      const cut = full.subarray(0, Math.floor(full.length * 0.6));
      expect((await catchAppError(() => blackoutImage(cut, ONE))).code).toBe('IMAGE_DAMAGED');
      expect((await catchAppError(() => stripMetadata(cut))).code).toBe('IMAGE_DAMAGED');
    }
  });

  it('a decompression bomb: a tiny PNG declaring 20000×20000 pixels', async () => {
    const bomb = pngDeclaring(20_000, 20_000, deflateSync(Buffer.alloc(1000)));
    expect(bomb.length).toBeLessThan(200);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(20_000);
    await expectRefused(bomb, 'IMAGE_TOO_LARGE');
  });

  it('our pixel limit, not only sharp’s default (11000×10000 passes sharp’s own)', async () => {
    const bomb = pngDeclaring(11_000, 10_000, deflateSync(Buffer.alloc(1000)));
    expect(11_000 * 10_000).toBeGreaterThan(MAX_INPUT_PIXELS);
    expect((await sharp(bomb).metadata()).width).toBe(11_000);
    await expectRefused(bomb, 'IMAGE_TOO_LARGE');
  });

  it('more than the byte limit, before any decoding', async () => {
    const jpeg = await photo().jpeg().toBuffer();
    const huge = Buffer.alloc(MAX_INPUT_BYTES + 1);
    jpeg.copy(huge);
    await expectRefused(huge, 'IMAGE_TOO_LARGE');
  });
});

describe('refused regions', () => {
  const cases: [string, unknown][] = [
    ['no region at all', []],
    ['more than the limit', Array.from({ length: MAX_REGIONS + 1 }, () => ONE[0])],
    [
      'entirely outside the image',
      [
        { x: 10, y: 10, w: 5, h: 5 },
        { x: 200, y: 0, w: 5, h: 5 },
      ],
    ],
    ['above the image', [{ x: 0, y: -10, w: 5, h: 10 }]],
    ['zero width', [{ x: 1, y: 1, w: 0, h: 5 }]],
    ['negative height', [{ x: 1, y: 1, w: 5, h: -5 }]],
    ['fractional pixels', [{ x: 1.5, y: 1, w: 5, h: 5 }]],
    ['a missing field', [{ x: 1, y: 1, w: 5 }]],
    ['not a list', { x: 1, y: 1, w: 5, h: 5 }],
  ];
  for (const [name, regions] of cases) {
    it(name, async () => {
      const png = await photo(200, 150).png().toBuffer();
      const error = await catchAppError(() => blackoutImage(png, regions as Rect[]));
      expect(error.code).toBe('BAD_INPUT');
    });
  }

  it('exactly the limit is accepted', async () => {
    const png = await photo(200, 150).png().toBuffer();
    const regions = Array.from({ length: MAX_REGIONS }, (_, i) => ({ x: i, y: i, w: 3, h: 3 }));
    expect((await blackoutImage(png, regions)).filled).toHaveLength(MAX_REGIONS);
  });

  it('a JPEG quality outside 1–100', async () => {
    const jpeg = await photo().jpeg().toBuffer();
    for (const jpegQuality of [0, 101, 50.5]) {
      expect((await catchAppError(() => blackoutImage(jpeg, ONE, { jpegQuality }))).code).toBe(
        'BAD_INPUT',
      );
    }
  });
});
