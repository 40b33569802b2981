/**
 * Sealed bundles built from the same primitives the exporter uses (TarWriter, BagWriter,
 * encryptAge, signPrehashed) and following the bundle contract, so the verifier is tested
 * without a vault and without waiting for the export side. Every part a test wants to break has
 * a hook: the custody lines, the minisig text, the trusted comment, the tar bytes before sealing.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import {
  BagWriter,
  encryptAge,
  minisignPublicKey,
  signPrehashed,
  TarWriter,
} from '../../../electron/main/bundles';
import type { MinisignPublicKey } from '../../../electron/main/bundles';
import { GENESIS_HASH, signedBytes } from '../../../electron/main/custody';
import type { CustodyAction, CustodyEntry } from '../../../electron/main/custody';
import { canonicalJson, loadSodium } from '../../../electron/main/vault';
import { memorySink } from '../bundles/tar-fixture';

export const BUNDLE_ID = 'svidok-20260314-0a1b2c3d';
export const CODE = 'UA-2026-0001';
/** A run of bytes found exactly once in the tar: the attachment's content starts with it. */
export const ATTACHMENT_MARKER = 'ATTACHMENT-BYTES-7f3c';
export const ATTACHMENT_PATH = `data/testimonies/${CODE}/attachments/photo.jpg`;

export interface Keys {
  /** An age key file's text, as age-keygen writes it. */
  readonly identity: string;
  readonly recipient: string;
  /** The device's Ed25519 seed, and its public key in minisign form. */
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly device: MinisignPublicKey;
}

export async function makeKeys(): Promise<Keys> {
  const sodium = await loadSodium();
  const secret = await generateX25519Identity();
  const recipient = await identityToRecipient(secret);
  const seed = sodium.randombytes_buf(32);
  const publicKey = sodium.crypto_sign_seed_keypair(seed).publicKey;
  return {
    identity: `# created: 2026-03-14T10:00:00Z\n# public key: ${recipient}\n${secret}\n`,
    recipient,
    seed,
    publicKey,
    device: minisignPublicKey(publicKey),
  };
}

export interface BundleSpec {
  readonly bundleId?: string;
  /** The lines of custody.jsonl before they are written; the signed entries are at hand. */
  readonly custody?: (lines: string[], entries: CustodyEntry[]) => string[];
  readonly trustedComment?: (comment: string) => string;
  /** The finished .minisig text, to be damaged after signing. */
  readonly minisig?: (text: string) => string;
  /** The device key written into data/device-key.pub (another key, say). */
  readonly embeddedKey?: MinisignPublicKey;
  /** Size of testimony.pdf: a large one spreads the bundle over several age chunks. */
  readonly pdfBytes?: number;
  /** The tar before it is sealed (flip a payload byte, say). */
  readonly tar?: (tar: Buffer) => Buffer;
}

export interface Built {
  readonly tar: Buffer;
  readonly sealed: Buffer;
  readonly entries: CustodyEntry[];
}

const TESTIMONY_ID = '6f1f5c2e-8f0a-4b7e-9a57-2a4f0d1e9c11';
const OTHER_ID = 'b2c9e3a4-1d5f-4c6b-8e7a-9f0b1c2d3e4f';
const ATTACHMENT_ID = '0c8d7e6f-5a4b-4c3d-9e2f-1a0b9c8d7e6f';

/** The vault's chain: the exported testimony, vault entries, and two of another testimony. */
export async function custodyEntries(
  keys: Keys,
  attachmentSha256: string,
): Promise<CustodyEntry[]> {
  const sodium = await loadSodium();
  const pair = sodium.crypto_sign_seed_keypair(keys.seed);
  const key = Buffer.from(keys.publicKey).toString('base64');
  const plan: Array<
    [CustodyAction, string | null, string | null, Record<string, string | number>]
  > = [
    ['vault.created', null, null, {}],
    ['testimony.created', TESTIMONY_ID, null, { recordCode: CODE }],
    ['testimony.created', OTHER_ID, null, {}],
    ['testimony.revised', OTHER_ID, null, { revision: 2 }],
    ['attachment.added', TESTIMONY_ID, ATTACHMENT_ID, { sha256: attachmentSha256, size: 64 }],
    ['testimony.viewed', TESTIMONY_ID, null, {}],
    ['vault.locked', null, null, {}],
  ];
  const entries: CustodyEntry[] = [];
  let prev = GENESIS_HASH;
  for (const [i, [action, testimony, attachment, details]] of plan.entries()) {
    const unsigned = {
      v: 1,
      seq: i + 1,
      id: randomUUID(),
      at: `2026-03-14T10:0${i}:00.000Z`,
      vault: 'vault-7c1e',
      action,
      testimony,
      attachment,
      details,
      prev,
      key,
    };
    const bytes = signedBytes(unsigned);
    const hash = sodium.to_hex(sodium.crypto_hash_sha256(bytes));
    const sig = Buffer.from(sodium.crypto_sign_detached(bytes, pair.privateKey)).toString('base64');
    entries.push({ ...unsigned, hash, sig });
    prev = hash;
  }
  return entries;
}

/** custody.jsonl as the contract has it: the other testimony's run (seq 3-4) collapsed. */
export function excerptLines(entries: readonly CustodyEntry[]): string[] {
  const [a, b, c, d, ...rest] = entries as [CustodyEntry, CustodyEntry, CustodyEntry, CustodyEntry];
  const run = { hash: d.hash, omitted: [c.seq, d.seq], prev: c.prev };
  return [a, b].map(canonicalJson).concat(canonicalJson(run), rest.map(canonicalJson));
}

export async function buildBundle(keys: Keys, spec: BundleSpec = {}): Promise<Built> {
  const bundleId = spec.bundleId ?? BUNDLE_ID;
  const sink = memorySink();
  const tar = new TarWriter(sink, { mtime: 1_773_482_400 });
  const bag = new BagWriter(tar, {
    bagName: bundleId,
    info: {
      sourceOrganization: 'Test organisation',
      externalIdentifier: bundleId,
      baggingDate: new Date('2026-03-14T10:00:00Z'),
      softwareVersion: '0.0.0-test',
    },
  });
  const photo = Buffer.from(`${ATTACHMENT_MARKER}${'x'.repeat(64 - ATTACHMENT_MARKER.length)}`);
  const record = await bag.addPayloadBuffer(`testimonies/${CODE}/attachments/photo.jpg`, photo);
  const entries = await custodyEntries(keys, record.sha256);
  const testimony = {
    schema: 'svidok.testimony/2',
    id: TESTIMONY_ID,
    recordCode: CODE,
    narrative: { text: 'Мене тримали в підвалі.' },
    attachments: [
      {
        id: ATTACHMENT_ID,
        fileName: 'photo.jpg',
        size: 64,
        sha256: record.sha256,
        path: record.path,
      },
    ],
  };
  await bag.addPayloadBuffer(
    `testimonies/${CODE}/testimony.json`,
    Buffer.from(JSON.stringify(testimony, null, 2)),
  );
  await bag.addPayloadBuffer(
    `testimonies/${CODE}/testimony.pdf`,
    Buffer.alloc(spec.pdfBytes ?? 32, '%PDF-1.7 test\n'),
  );
  const lines = (spec.custody ?? ((l) => l))(excerptLines(entries), entries);
  await bag.addPayloadBuffer('custody.jsonl', Buffer.from(lines.map((l) => `${l}\n`).join('')));
  await bag.addPayloadBuffer('device-key.pub', Buffer.from((spec.embeddedKey ?? keys.device).text));
  await bag.finish({
    extraTagFiles: [
      { name: 'VERIFY.txt', bytes: Buffer.from('age -d … | tar -x; minisign -Vm …\n') },
    ],
    signTagManifest: async (tagManifest) => {
      const comment = `svidok bundle ${bundleId} time 2026-03-14T10:00:00Z key ${keys.device.keyId}`;
      const text = await signPrehashed(
        keys.seed,
        keys.device.keyId,
        [tagManifest],
        (spec.trustedComment ?? ((c) => c))(comment),
      );
      const name = 'tagmanifest-sha256.txt.minisig';
      return [{ name, bytes: Buffer.from((spec.minisig ?? ((t) => t))(text)) }];
    },
  });
  const plainTar = (spec.tar ?? ((t) => t))(sink.bytes());
  return { tar: plainTar, sealed: await seal(plainTar, keys.recipient), entries };
}

/** Encrypts any tar bytes (a hand-built hostile one too) to the recipient. */
export async function seal(tar: Buffer, recipient: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  const stream = await encryptAge(Readable.from([tar]), { recipients: [recipient] });
  for await (const part of stream) parts.push(Buffer.from(part as Uint8Array));
  return Buffer.concat(parts);
}

/** A copy of `bytes` with one bit flipped at `offset`. */
export function flipped(bytes: Buffer, offset: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = copy[offset]! ^ 0x01;
  return copy;
}
