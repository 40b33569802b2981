/**
 * The BCH checksum of bech32 (BIP 173) and bech32m (BIP 350) over GF(32): shared by the recovery
 * key (bech32m over its own symbols) and age keys (bech32). Each caller compares the result with
 * its own constant: 1 for bech32, 0x2bc830a3 for bech32m.
 */
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3] as const;

export const BECH32_CONST = 1;
export const BECH32M_CONST = 0x2bc830a3;

export function bech32Polymod(values: readonly number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ value) >>> 0;
    for (let i = 0; i < 5; i++) {
      if ((top >>> i) & 1) chk = (chk ^ GENERATOR[i]!) >>> 0;
    }
  }
  return chk;
}

/** The human-readable part as the checksum sees it: high bits, a zero, low bits. */
export function bech32PrefixExpand(prefix: string): number[] {
  const codes = [...prefix].map((c) => c.charCodeAt(0));
  return [...codes.map((c) => c >>> 5), 0, ...codes.map((c) => c & 31)];
}
