/**
 * One custody entry as it is hashed, signed, stored and exported: canonical JSON with sorted
 * keys, so any tool can recompute the hash and check the Ed25519 signature from the JSONL alone.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../vault';
import type { CustodyAction, CustodyDetails } from './types';

export const CUSTODY_FORMAT_VERSION = 1;
/** The `prev` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What is signed: every field but the hash and the signature. */
export interface UnsignedEntry {
  readonly v: number;
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly vault: string;
  readonly action: CustodyAction;
  readonly testimony: string | null;
  readonly attachment: string | null;
  readonly details: CustodyDetails;
  readonly prev: string;
  /** The device's Ed25519 public key, base64. */
  readonly key: string;
}

export interface CustodyEntry extends UnsignedEntry {
  /** SHA-256 (hex) of the canonical JSON of the unsigned entry. */
  readonly hash: string;
  /** Ed25519 signature (base64) over the same bytes. */
  readonly sig: string;
}

export function signedBytes(entry: UnsignedEntry): Uint8Array {
  const unsigned: UnsignedEntry = {
    v: entry.v,
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    vault: entry.vault,
    action: entry.action,
    testimony: entry.testimony,
    attachment: entry.attachment,
    details: entry.details,
    prev: entry.prev,
    key: entry.key,
  };
  return new TextEncoder().encode(canonicalJson(unsigned));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One line of custody.jsonl. */
export function toJsonLine(entry: CustodyEntry): string {
  return canonicalJson(entry);
}
