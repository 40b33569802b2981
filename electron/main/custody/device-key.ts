/** The device's Ed25519 key pair, derived from the vault's 'signing' sub-key (its seed). */
import type { Sodium } from '../vault';

export interface DeviceKey {
  readonly publicKey: Uint8Array;
  readonly privateKey: Uint8Array;
}

export function deviceKeyFromSeed(sodium: Sodium, seed: Uint8Array): DeviceKey {
  const pair = sodium.crypto_sign_seed_keypair(seed);
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

export function wipeDeviceKey(sodium: Sodium, key: DeviceKey): void {
  sodium.memzero(key.privateKey);
}
