/**
 * Checks a custody log: numbering without gaps, each entry's hash, the chain from one entry to
 * the next, the signing key, and every signature. Names the first entry that fails and why.
 */
import type { Sodium } from '../vault';
import { GENESIS_HASH, sha256Hex, signedBytes } from './entry';
import type { CustodyEntry } from './entry';

export type CustodyFailure = 'gap' | 'hash' | 'chain' | 'key' | 'vault' | 'signature' | 'malformed';

export interface CustodyReport {
  readonly ok: boolean;
  readonly entries: number;
  readonly firstBad: { readonly seq: number; readonly reason: CustodyFailure } | null;
}

export function verifyEntries(
  sodium: Sodium,
  entries: readonly CustodyEntry[],
  trusted: { readonly publicKey: string; readonly vaultId: string },
): CustodyReport {
  let prev = GENESIS_HASH;
  const trustedKey = decode(sodium, trusted.publicKey);
  for (const [i, entry] of entries.entries()) {
    const fail = (reason: CustodyFailure): CustodyReport => ({
      ok: false,
      entries: entries.length,
      firstBad: { seq: entry.seq, reason },
    });
    if (entry.seq !== i + 1) return fail('gap');
    if (entry.vault !== trusted.vaultId) return fail('vault');
    if (entry.key !== trusted.publicKey || !trustedKey) return fail('key');
    const bytes = signedBytes(entry);
    if (sha256Hex(bytes) !== entry.hash) return fail('hash');
    if (entry.prev !== prev) return fail('chain');
    const sig = decode(sodium, entry.sig);
    if (!sig || sig.length !== sodium.crypto_sign_BYTES) return fail('malformed');
    if (!sodium.crypto_sign_verify_detached(sig, bytes, trustedKey)) return fail('signature');
    prev = entry.hash;
  }
  return { ok: true, entries: entries.length, firstBad: null };
}

function decode(sodium: Sodium, b64: string): Uint8Array | null {
  try {
    return sodium.from_base64(b64, sodium.base64_variants.ORIGINAL);
  } catch {
    return null;
  }
}
