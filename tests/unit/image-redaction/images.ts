/**
 * Test images made at runtime with sharp, and the byte surgery that puts real metadata into them
 * (segments and chunks spliced in by hand where sharp cannot write them). No binary fixtures.
 */
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { crc32 } from 'node:zlib';
import { createRng } from '../../helpers/prng';

export interface Pixels {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/** A photo-like picture: smooth gradients (so JPEG is faithful) with some noise (so it is not). */
export function photoPixels(width: number, height: number, channels = 3, seed = 1): Pixels {
  const rng = createRng(seed);
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * channels;
      const n = Math.floor(rng() * 24);
      data[o] = 60 + ((x * 3 + n) % 180);
      data[o + 1] = 60 + ((y * 2 + n) % 180);
      data[o + 2] = 40 + (((x + y) * 5) % 200);
      if (channels === 4) data[o + 3] = 128 + ((x + y) % 128);
    }
  }
  return { data, width, height, channels };
}

export function fromPixels(p: Pixels): Sharp {
  return sharp(p.data, {
    raw: { width: p.width, height: p.height, channels: p.channels as 3 | 4 },
  });
}

/** Decoded pixels as displayed (EXIF orientation applied). */
export async function decode(bytes: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(bytes, { autoOrient: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Pixels inside `box` that are not exactly black (and opaque, if there is alpha). */
export function nonBlackIn(p: Pixels, box: Box): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const o = (y * p.width + x) * p.channels;
      const black = p.data[o] === 0 && p.data[o + 1] === 0 && p.data[o + 2] === 0;
      const opaque = p.channels < 4 || p.data[o + 3] === 255;
      if (!black || !opaque) count++;
    }
  }
  return count;
}

/** Mean absolute difference per channel sample, over pixels outside every box. */
export function meanDiffOutside(a: Pixels, b: Pixels, boxes: readonly Box[]): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('sizes differ');
  const channels = Math.min(a.channels, b.channels);
  let sum = 0;
  let n = 0;
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (boxes.some((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h)) continue;
      for (let c = 0; c < channels; c++) {
        sum += Math.abs(
          (a.data[(y * a.width + x) * a.channels + c] ?? 0) -
            (b.data[(y * b.width + x) * b.channels + c] ?? 0),
        );
        n++;
      }
    }
  }
  return sum / n;
}

// --- JPEG segments -------------------------------------------------------------------------

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/**
 * Inserts segments after the APPn and COM segments already there (so a reader still finds the
 * encoder's own EXIF first), before the tables and the image data.
 */
export function spliceJpeg(jpeg: Buffer, segments: readonly Buffer[]): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let at = 2;
  for (;;) {
    const marker = jpeg[at + 1] ?? 0;
    if (jpeg[at] !== 0xff || !((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe)) break;
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return Buffer.concat([jpeg.subarray(0, at), ...segments, jpeg.subarray(at)]);
}

export const XMP_NS = 'http://ns.adobe.com/xap/1.0/';

/** APP1 XMP packet naming a person and a place. */
export function xmpSegment(creator: string, city: string): Buffer {
  const packet =
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"' +
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"' +
    ` photoshop:City="${city}"><dc:creator><rdf:Seq><rdf:li>${creator}</rdf:li></rdf:Seq></dc:creator>` +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
  return segment(0xe1, Buffer.concat([Buffer.from(`${XMP_NS}\0`), Buffer.from(packet, 'utf8')]));
}

/** APP13 "Photoshop 3.0" with an 8BIM 0x0404 IPTC block holding City (2:90) and By-line (2:80). */
export function iptcSegment(byline: string, city: string): Buffer {
  const dataset = (tag: number, value: string): Buffer => {
    const v = Buffer.from(value, 'latin1');
    const head = Buffer.from([0x1c, 0x02, tag, 0, 0]);
    head.writeUInt16BE(v.length, 3);
    return Buffer.concat([head, v]);
  };
  let iptc = Buffer.concat([dataset(80, byline), dataset(90, city)]);
  if (iptc.length % 2 === 1) iptc = Buffer.concat([iptc, Buffer.from([0])]);
  const resource = Buffer.alloc(12);
  resource.write('8BIM', 0, 'latin1');
  resource.writeUInt16BE(0x0404, 4);
  // Empty Pascal name, padded to even length (bytes 6-7), then the data size.
  resource.writeUInt32BE(iptc.length, 8);
  return segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource, iptc]));
}

/** COM segment: free text some cameras and editors leave behind. */
export function commentSegment(text: string): Buffer {
  return segment(0xfe, Buffer.from(text, 'latin1'));
}

/**
 * APP1 EXIF written by hand (big-endian TIFF): IFD0 with Make, and IFD1 pointing at an embedded
 * JPEG thumbnail. sharp cannot write a thumbnail, and a stale thumbnail is a classic leak.
 */
export function exifWithThumbnail(make: string, thumbnail: Buffer): Buffer {
  const makeBytes = Buffer.from(`${make}\0`, 'latin1');
  // Layout: header(8) | IFD0 (2 + 12 + 4) | IFD1 (2 + 2*12 + 4) | make | thumbnail
  const ifd0At = 8;
  const ifd1At = ifd0At + 2 + 12 + 4;
  const makeAt = ifd1At + 2 + 24 + 4;
  const thumbAt = makeAt + makeBytes.length;
  const tiff = Buffer.alloc(thumbAt);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(ifd0At, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number): void => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    tiff.writeUInt32BE(value, at + 8);
  };
  tiff.writeUInt16BE(1, ifd0At);
  entry(ifd0At + 2, 0x010f, 2, makeBytes.length, makeAt); // Make, ASCII
  tiff.writeUInt32BE(ifd1At, ifd0At + 2 + 12);
  tiff.writeUInt16BE(2, ifd1At);
  entry(ifd1At + 2, 0x0201, 4, 1, thumbAt); // JPEGInterchangeFormat
  entry(ifd1At + 14, 0x0202, 4, 1, thumbnail.length); // JPEGInterchangeFormatLength
  tiff.writeUInt32BE(0, ifd1At + 26);
  makeBytes.copy(tiff, makeAt);
  return segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, thumbnail]));
}

/** Where the bytes FF D8 (start of a JPEG) occur: more than one means an embedded JPEG. */
export function jpegStarts(bytes: Buffer): number[] {
  const at: number[] = [];
  for (let i = bytes.indexOf(0xff); i >= 0; i = bytes.indexOf(0xff, i + 1)) {
    if (bytes[i + 1] === 0xd8) at.push(i);
  }
  return at;
}

// --- PNG chunks ---------------------------------------------------------------------------

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), 8 + data.length);
  return out;
}

export function textChunk(keyword: string, text: string): Buffer {
  return chunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
}

/** Inserts chunks right after IHDR (signature 8 bytes + IHDR 25 bytes). */
export function splicePng(png: Buffer, chunks: readonly Buffer[]): Buffer {
  return Buffer.concat([png.subarray(0, 33), ...chunks, png.subarray(33)]);
}

/**
 * A tiny PNG whose header declares `width`×`height` RGB pixels: a decompression bomb's shape
 * without the payload, so refusing it must happen at the header.
 */
export function pngDeclaring(width: number, height: number, idat: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
