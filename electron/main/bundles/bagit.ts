/**
 * A BagIt 1.0 bag (RFC 8493) written straight into a tar, streamed: payload bytes pass through
 * SHA-256 and SHA-512 on their way into the archive (or come with digests already proven, see
 * addPayloadWithDigests), so the manifests are ready when the payload ends and no file is read
 * twice or held whole.
 *
 * Entry order inside the top folder `<bag-name>/`: every payload file (data/…) as it is added,
 * then bagit.txt, bag-info.txt, manifest-sha256.txt, manifest-sha512.txt, the caller's extra tag
 * files (VERIFY.txt, …), tagmanifest-sha256.txt, and last whatever the `signTagManifest` hook
 * returns (tagmanifest-sha256.txt.minisig). Tag files come after the payload because they describe
 * it; BagIt prescribes no order. The tag manifest lists every tag file but itself and the files
 * the hook adds, which are computed from it.
 *
 * Payload paths are `safeEntryName`s with '%' replaced by '_': then the RFC's percent-encoding
 * (of CR, LF and '%') never changes a path, and `sha256sum -c` reads the manifests exactly as
 * BagIt tools do.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../attachments';
import { safeEntryName, type EntrySource, type TarWriter } from './tar-write';

export { decodeManifestPath, readBag, type BagCheck, type BagReport } from './bagit-verify';

export interface BagInfo {
  sourceOrganization: string;
  /** The bundle id. */
  externalIdentifier: string;
  baggingDate: Date;
  /** Svidok's version, written as "Bag-Software-Agent: Svidok <version>". */
  softwareVersion: string;
}

export interface BagTagFile {
  /** A top-level file name in the bag (not under data/). */
  name: string;
  bytes: Uint8Array;
}

export interface PayloadRecord {
  /** "data/…", as written in the manifests. */
  path: string;
  size: number;
  sha256: string;
  sha512: string;
}

export interface BagFinishOptions {
  extraTagFiles?: readonly BagTagFile[];
  /**
   * Given the bytes of tagmanifest-sha256.txt, returns tag files to write after it (its detached
   * signature). They are not listed in any manifest: they are derived from the tag manifest.
   */
  signTagManifest?: (tagManifest: Uint8Array) => Promise<readonly BagTagFile[]>;
}

export interface BagSummary {
  payload: readonly PayloadRecord[];
  tagManifest: Uint8Array;
  /** Size of the whole tar. */
  bytesWritten: number;
}

/** Tag files the bag writes itself; callers may not supply files under these names. */
const RESERVED = /^(bagit\.txt|bag-info\.txt|(tag)?manifest-[a-z0-9]+\.txt|fetch\.txt|data)$/iu;

const SHA256_HEX = /^[0-9a-f]{64}$/u;
const SHA512_HEX = /^[0-9a-f]{128}$/u;

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export class BagWriter {
  private readonly tar: TarWriter;
  private readonly root: string;
  private readonly info: BagInfo;
  private readonly payload: PayloadRecord[] = [];
  private readonly used = new Set<string>();

  /** `bagName` is the top folder of the tar, the bundle id; it becomes a safe file name. */
  constructor(tar: TarWriter, options: { bagName: string; info: BagInfo }) {
    this.tar = tar;
    this.root = safeFileName(options.bagName);
    this.info = options.info;
  }

  /**
   * Streams one payload file of exactly `size` bytes under data/`path` and returns its record.
   * The path is made safe first; two paths that become the same are refused (BAD_INPUT).
   */
  async addPayload(path: string, size: number, source: EntrySource): Promise<PayloadRecord> {
    const bagPath = `data/${bagPayloadPath(path)}`;
    const sha256 = createHash('sha256');
    const sha512 = createHash('sha512');
    async function* hashed(): AsyncGenerator<Uint8Array> {
      for await (const chunk of source) {
        sha256.update(chunk);
        sha512.update(chunk);
        yield chunk;
      }
    }
    await this.tar.addFile(`${this.root}/${bagPath}`, size, hashed());
    const record = {
      path: bagPath,
      size,
      sha256: sha256.digest('hex'),
      sha512: sha512.digest('hex'),
    };
    this.payload.push(record);
    return record;
  }

  /**
   * As addPayload, for bytes whose digests are already known and proven: the caller vouches that
   * `source` yields exactly the bytes these digests were taken of (the attachment store's
   * authenticated decryption does). Nothing is hashed; `size` is still enforced by the tar.
   */
  async addPayloadWithDigests(
    path: string,
    size: number,
    source: EntrySource,
    digests: { readonly sha256: string; readonly sha512: string },
  ): Promise<PayloadRecord> {
    if (!SHA256_HEX.test(digests.sha256) || !SHA512_HEX.test(digests.sha512)) {
      throw new AppError('INTERNAL', 'A payload digest is malformed');
    }
    const bagPath = `data/${bagPayloadPath(path)}`;
    await this.tar.addFile(`${this.root}/${bagPath}`, size, source);
    const record = { path: bagPath, size, sha256: digests.sha256, sha512: digests.sha512 };
    this.payload.push(record);
    return record;
  }

  async addPayloadBuffer(path: string, bytes: Uint8Array): Promise<PayloadRecord> {
    return this.addPayload(path, bytes.length, single(bytes));
  }

  /** Writes the tag files in the order above, then the tar's end marker. */
  async finish(options: BagFinishOptions = {}): Promise<BagSummary> {
    const manifests = {
      sha256: manifestText(this.payload.map((p) => [p.sha256, p.path])),
      sha512: manifestText(this.payload.map((p) => [p.sha512, p.path])),
    };
    const tagFiles: BagTagFile[] = [
      { name: 'bagit.txt', bytes: utf8(BAGIT_TXT) },
      { name: 'bag-info.txt', bytes: utf8(bagInfoText(this.info, this.payload)) },
      { name: 'manifest-sha256.txt', bytes: utf8(manifests.sha256) },
      { name: 'manifest-sha512.txt', bytes: utf8(manifests.sha512) },
      ...(options.extraTagFiles ?? []).map((file) => this.callerTagFile(file)),
    ];
    for (const file of tagFiles) await this.tar.addBuffer(`${this.root}/${file.name}`, file.bytes);
    const tagManifest = utf8(
      manifestText(tagFiles.map((file) => [sha256Hex(file.bytes), file.name])),
    );
    await this.tar.addBuffer(`${this.root}/tagmanifest-sha256.txt`, tagManifest);
    const derived = options.signTagManifest ? await options.signTagManifest(tagManifest) : [];
    for (const file of derived) {
      const safe = this.callerTagFile(file);
      await this.tar.addBuffer(`${this.root}/${safe.name}`, safe.bytes);
    }
    const bytesWritten = await this.tar.finish();
    return { payload: this.payload, tagManifest, bytesWritten };
  }

  /** A caller's tag file: one safe top-level name, not one the bag writes itself, not twice. */
  private callerTagFile(file: BagTagFile): BagTagFile {
    const name = safeEntryName(file.name);
    if (name.includes('/') || RESERVED.test(name) || this.used.has(name)) {
      throw new AppError('BAD_INPUT', `${name} cannot be added as a tag file`);
    }
    this.used.add(name);
    return { name, bytes: file.bytes };
  }
}

/** A payload path as the bag stores it (without "data/"): safe, and free of '%'. */
export function bagPayloadPath(path: string): string {
  return safeEntryName(path)
    .split('/')
    .map((part) => part.replaceAll('%', '_'))
    .join('/');
}

/** RFC 8493 §2.1.3: CR, LF and '%' in a manifest path are percent-encoded, nothing else. */
export function encodeManifestPath(path: string): string {
  return path.replace(
    /[%\r\n]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** "<hex>  <path>\n" lines: two spaces, the form of RFC 8493 and of sha256sum alike. */
function manifestText(lines: ReadonlyArray<readonly [string, string]>): string {
  return lines.map(([hex, path]) => `${hex}  ${encodeManifestPath(path)}\n`).join('');
}

function bagInfoText(info: BagInfo, payload: readonly PayloadRecord[]): string {
  const octets = payload.reduce((sum, record) => sum + record.size, 0);
  const fields: Array<[string, string]> = [
    ['Source-Organization', info.sourceOrganization],
    ['Bagging-Date', info.baggingDate.toISOString().slice(0, 10)],
    ['External-Identifier', info.externalIdentifier],
    ['Payload-Oxum', `${octets}.${payload.length}`],
    ['Bag-Software-Agent', `Svidok ${info.softwareVersion}`],
  ];
  return fields.map(([label, value]) => `${label}: ${oneLine(value)}\n`).join('');
}

/** A bag-info value on one line: controls and line breaks would start a forged field. */
function oneLine(value: string): string {
  return value
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
