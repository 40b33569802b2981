/**
 * Threat: a redacted photo still says where and when it was taken and with whose phone — GPS,
 * camera make and model, the time, a creator or city in XMP or IPTC, a comment, a PNG text chunk,
 * or an embedded thumbnail of the unredacted picture.
 */
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blackoutImage, stripMetadata } from '../../../electron/main/image-redaction';
import { markerEncodingsIn } from '../../helpers/scan';
import {
  commentSegment,
  exifWithThumbnail,
  fromPixels,
  iptcSegment,
  jpegStarts,
  photoPixels,
  spliceJpeg,
  splicePng,
  textChunk,
  XMP_NS,
  xmpSegment,
} from './images';

const MAKE = 'AcmeSpyCam';
const MODEL = 'Zorkiy-ZX81';
const TAKEN = '2022:03:16 09:41:07';
const CREATOR = 'XmpCreatorMarker';
const CITY = 'IptcCityMarker';
const BYLINE = 'IptcBylineMarker';
const COMMENT = 'JpegCommentMarker';
const THUMB_MAKE = 'ThumbnailCamMarker';
const PNG_GPS = '47.0951,37.5413';

const EXIF = {
  IFD0: { Make: MAKE, Model: MODEL },
  IFD2: { DateTimeOriginal: TAKEN },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '47/1 5/1 42/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '37/1 32/1 29/1',
  },
};

/** Every marker that must not survive, as bytes (UTF-8 or UTF-16LE) in the output. */
const JPEG_MARKERS = [MAKE, MODEL, TAKEN, CREATOR, CITY, BYLINE, COMMENT, THUMB_MAKE, XMP_NS];
const MARKERS = [...JPEG_MARKERS, PNG_GPS];
const STRUCTURES = ['Exif\0', '8BIM', 'Photoshop', 'ICC_PROFILE', 'xpacket', 'adobe:ns:meta'];

function leaks(bytes: Buffer): string[] {
  return [...MARKERS, ...STRUCTURES].filter((m) => markerEncodingsIn(bytes, m).length > 0);
}

/** A JPEG with sharp-written EXIF (IFD0, Exif, GPS) plus hand-made XMP, IPTC, COM and a thumbnail. */
async function loadedJpeg(): Promise<Buffer> {
  const pixels = photoPixels(120, 90);
  const withExif = await fromPixels(pixels).jpeg().withExif(EXIF).withIccProfile('p3').toBuffer();
  const thumbnail = await fromPixels(pixels).resize(32).jpeg().toBuffer();
  return spliceJpeg(withExif, [
    xmpSegment(CREATOR, CITY),
    iptcSegment(BYLINE, CITY),
    commentSegment(COMMENT),
    exifWithThumbnail(THUMB_MAKE, thumbnail),
  ]);
}

async function expectClean(bytes: Buffer): Promise<void> {
  expect(leaks(bytes)).toEqual([]);
  const meta = await sharp(bytes).metadata();
  expect({ exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc }).toEqual({
    exif: undefined,
    xmp: undefined,
    iptc: undefined,
    icc: undefined,
  });
  expect(meta.comments ?? []).toEqual([]);
  // exifr reads JPEG, PNG, TIFF and HEIC, not WebP.
  if (meta.format === 'webp') return;
  const parsed = (await exifr.parse(bytes, {
    tiff: true,
    exif: true,
    gps: true,
    ifd1: true,
    xmp: true,
    iptc: true,
    icc: true,
    mergeOutput: true,
  })) as Record<string, unknown> | undefined;
  const found = Object.keys(parsed ?? {}).filter((k) =>
    /^(Make|Model|DateTimeOriginal|GPS.*|latitude|longitude|creator|City|Byline|ProfileDescription)$/.test(
      k,
    ),
  );
  expect(found).toEqual([]);
}

describe('no metadata survives', () => {
  it('the loaded JPEG really carries every marker (so the checks below can fail)', async () => {
    const source = await loadedJpeg();
    expect(leaks(source).sort()).toEqual([...JPEG_MARKERS, ...STRUCTURES].sort());
    const parsed = await exifr.parse(source, { xmp: true, iptc: true, ifd1: true });
    expect(parsed).toMatchObject({ Make: MAKE, Model: MODEL, City: CITY });
    expect(parsed.latitude).toBeCloseTo(47.095, 3);
    expect(parsed.longitude).toBeCloseTo(37.541, 3);
    expect(parsed.DateTimeOriginal).toBeInstanceOf(Date);
    expect(JSON.stringify(parsed.creator)).toContain(CREATOR);
    expect(JSON.stringify(parsed.Byline)).toContain(BYLINE);
    // The hand-made EXIF comes second, so exifr reads sharp's; check its thumbnail on its own.
    expect(jpegStarts(source).length).toBeGreaterThan(1);
    const thumbOnly = spliceJpeg(await fromPixels(photoPixels(8, 8)).jpeg().toBuffer(), [
      exifWithThumbnail(THUMB_MAKE, await fromPixels(photoPixels(8, 8)).jpeg().toBuffer()),
    ]);
    expect(await exifr.thumbnail(thumbOnly)).toBeDefined();
    expect((await sharp(source).metadata()).icc).toBeDefined();
  });

  it('JPEG: blackoutImage leaves no EXIF, GPS, XMP, IPTC, ICC, comment or thumbnail', async () => {
    const out = await blackoutImage(await loadedJpeg(), [{ x: 10, y: 10, w: 20, h: 20 }]);
    await expectClean(out.bytes);
    expect(await exifr.thumbnail(out.bytes)).toBeUndefined();
    expect(jpegStarts(out.bytes)).toEqual([0]);
  });

  it('JPEG: stripMetadata leaves none either', async () => {
    const out = await stripMetadata(await loadedJpeg());
    await expectClean(out.bytes);
    expect(jpegStarts(out.bytes)).toEqual([0]);
  });

  it('PNG: text chunks and eXIf are dropped', async () => {
    const png = await fromPixels(photoPixels(60, 40))
      .png()
      .withExif({ IFD0: { Make: MAKE, Model: MODEL } })
      .toBuffer();
    const source = splicePng(png, [textChunk('GPS', PNG_GPS), textChunk('Author', CREATOR)]);
    // The input has them, and sharp can read them, so the output check means something.
    expect(source.includes('tEXt')).toBe(true);
    expect(source.includes('eXIf')).toBe(true);
    expect((await sharp(source).metadata()).comments).toEqual(
      expect.arrayContaining([{ keyword: 'GPS', text: PNG_GPS }]),
    );
    expect(await exifr.parse(source)).toMatchObject({ Make: MAKE });

    for (const out of [
      await blackoutImage(source, [{ x: 1, y: 1, w: 5, h: 5 }]),
      await stripMetadata(source),
    ]) {
      await expectClean(out.bytes);
      for (const chunk of ['tEXt', 'zTXt', 'iTXt', 'eXIf', 'iCCP', 'tIME']) {
        expect(out.bytes.includes(chunk), chunk).toBe(false);
      }
    }
  });

  it('WebP: EXIF and XMP chunks are dropped', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="${XMP_NS}" xmp:CreatorTool="${CREATOR}"/></rdf:RDF></x:xmpmeta>`;
    const source = await fromPixels(photoPixels(60, 40))
      .webp()
      .withExif(EXIF)
      .withXmp(xmp)
      .toBuffer();
    const inMeta = await sharp(source).metadata();
    expect(inMeta.exif).toBeDefined();
    expect(inMeta.xmp).toBeDefined();
    expect(source.includes(MAKE)).toBe(true);

    const out = await blackoutImage(source, [{ x: 1, y: 1, w: 5, h: 5 }]);
    await expectClean(out.bytes);
    for (const chunk of ['EXIF', 'XMP ', 'ICCP'])
      expect(out.bytes.includes(chunk), chunk).toBe(false);
  });
});
