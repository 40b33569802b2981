/**
 * libsodium's crypto_secretstream_xchacha20poly1305, computed with Node's OpenSSL ChaCha20 and
 * ChaCha20-Poly1305 instead of libsodium.js (WebAssembly, ~5× slower). Byte-for-byte the same
 * stream, so blobs written by either open with the other; checked against libsodium in
 * tests/unit/attachments/native-secretstream.test.ts. Follows secretstream_xchacha20poly1305.c:
 *
 *   state    k = HChaCha20(key, header[0..16]); nonce = LE32 counter (from 1) || header[16..24]
 *   message  block = ChaCha20(k, nonce, block counter 1) XOR [tag, 0 × 63]; stored: block[0],
 *            then the message at block counter 2, then Poly1305 (one-time key from block 0) over
 *            ad || pad || block || c || pad' || LE64 |ad| || LE64 (64 + |c|)
 *   after    inonce ^= mac[0..8]; counter += 1; on REKEY (FINAL has it) or a counter wrapped to 0,
 *            k || inonce = ChaCha20(k, nonce, block counter 0) XOR (k || inonce), counter = 1
 *
 * That MAC is RFC 8439's AEAD MAC with one difference: libsodium pads c with |c| mod 16 zero bytes
 * where the RFC pads with (16 - |c| mod 16) mod 16 (a known quirk, kept for compatibility). Both
 * agree when |c| mod 16 is 0 or 8 — every full 64 KiB chunk — so those go through OpenSSL's AEAD;
 * other lengths (a last chunk) get their MAC from libsodium's Poly1305 over the padded input.
 */
import { createCipheriv, createDecipheriv, timingSafeEqual } from 'node:crypto';
import type { Sodium } from '../vault';

export const SECRETSTREAM_TAG = { message: 0, push: 1, rekey: 2, final: 3 } as const;
const KEY_BYTES = 32;
const HEADER_BYTES = 24;
const HCHACHA_INPUT_BYTES = 16;
const MAC_BYTES = 16;
const BLOCK_BYTES = 64;
/** crypto_secretstream_xchacha20poly1305_ABYTES: the encrypted tag byte and the MAC. */
const A_BYTES = 1 + MAC_BYTES;

export interface PulledMessage {
  readonly message: Buffer;
  readonly tag: number;
}

/** One secretstream, for pushing or pulling (libsodium's init is the same for both). */
export class NativeSecretStream {
  /** Subkey k (32 bytes) || nonce (LE32 counter || 8-byte inonce): libsodium's state. */
  private readonly state = Buffer.alloc(KEY_BYTES + 12);
  private readonly k = this.state.subarray(0, KEY_BYTES);
  private readonly nonce = this.state.subarray(KEY_BYTES);
  private disposed = false;

  constructor(sodium: Sodium, header: Uint8Array, key: Uint8Array) {
    if (header.length !== HEADER_BYTES) throw new Error('bad secretstream header length');
    if (key.length !== KEY_BYTES) throw new Error('bad secretstream key length');
    const subkey = sodium.crypto_core_hchacha20(header.subarray(0, HCHACHA_INPUT_BYTES), key, null);
    this.k.set(subkey);
    subkey.fill(0);
    this.nonce.set(header.subarray(HCHACHA_INPUT_BYTES), 4);
    this.resetCounter();
  }

  /** Encrypts one message: tag byte || ciphertext || MAC, as crypto_secretstream_*_push. */
  push(sodium: Sodium, message: Uint8Array, ad: Uint8Array, tag: number): Buffer {
    this.assertLive();
    const out = Buffer.allocUnsafe(A_BYTES + message.length);
    const mac = out.subarray(out.length - MAC_BYTES);
    if (rfcPadding(message.length)) {
      const cipher = createCipheriv('chacha20-poly1305', this.k, this.nonce, {
        authTagLength: MAC_BYTES,
      });
      cipher.setAAD(ad, { plaintextLength: BLOCK_BYTES + message.length });
      const block = Buffer.alloc(BLOCK_BYTES);
      block[0] = tag;
      const encrypted = cipher.update(block);
      out[0] = encrypted[0] ?? 0;
      encrypted.fill(0); // the rest is keystream, never stored
      cipher.update(message).copy(out, 1);
      cipher.final();
      cipher.getAuthTag().copy(mac);
    } else {
      const keystream = this.keystream();
      const block = keystream.subarray(BLOCK_BYTES);
      block[0] = (block[0] ?? 0) ^ tag;
      out[0] = block[0];
      const c = out.subarray(1, 1 + message.length);
      this.xorFromBlock2(message).copy(c);
      mac.set(sodium.crypto_onetimeauth(macInput(ad, block, c), keystream.subarray(0, 32)));
      keystream.fill(0);
    }
    this.advance(mac, tag);
    return out;
  }

  /** Verifies and decrypts one message; false when it does not verify, as libsodium's pull. */
  pull(sodium: Sodium, chunk: Uint8Array, ad: Uint8Array): PulledMessage | false {
    this.assertLive();
    if (chunk.length < A_BYTES) return false;
    const c = chunk.subarray(1, chunk.length - MAC_BYTES);
    const mac = Buffer.from(chunk.subarray(chunk.length - MAC_BYTES));
    const keystream = this.keystream();
    const block = keystream.subarray(BLOCK_BYTES);
    const tag = (block[0] ?? 0) ^ (chunk[0] ?? 0);
    // The MAC covers the block as stored: the encrypted tag byte, then keystream (of zeros).
    block[0] = chunk[0] ?? 0;
    let message: Buffer;
    if (rfcPadding(c.length)) {
      const decipher = createDecipheriv('chacha20-poly1305', this.k, this.nonce, {
        authTagLength: MAC_BYTES,
      });
      decipher.setAAD(ad, { plaintextLength: BLOCK_BYTES + c.length });
      decipher.setAuthTag(mac);
      decipher.update(block);
      keystream.fill(0);
      message = decipher.update(c);
      try {
        decipher.final();
      } catch {
        message.fill(0);
        return false;
      }
    } else {
      const expected = sodium.crypto_onetimeauth(macInput(ad, block, c), keystream.subarray(0, 32));
      keystream.fill(0);
      if (!timingSafeEqual(expected, mac)) return false;
      message = this.xorFromBlock2(c);
    }
    this.advance(mac, tag);
    return { message, tag };
  }

  /** Wipes the stream's key; the stream cannot be used afterwards. */
  dispose(): void {
    this.state.fill(0);
    this.disposed = true;
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('secretstream used after dispose');
  }

  /** Keystream blocks 0 (its first 32 bytes: the Poly1305 key) and 1 of the current message. */
  private keystream(): Buffer {
    return chacha20(this.k, this.nonce, 0, Buffer.alloc(2 * BLOCK_BYTES));
  }

  private xorFromBlock2(bytes: Uint8Array): Buffer {
    return chacha20(this.k, this.nonce, 2, bytes);
  }

  private advance(mac: Uint8Array, tag: number): void {
    for (let i = 0; i < 8; i++) this.nonce[4 + i] = (this.nonce[4 + i] ?? 0) ^ (mac[i] ?? 0);
    const counter = (this.nonce.readUInt32LE(0) + 1) >>> 0;
    this.nonce.writeUInt32LE(counter, 0);
    if ((tag & SECRETSTREAM_TAG.rekey) !== 0 || counter === 0) this.rekey();
  }

  private rekey(): void {
    const keyAndInonce = Buffer.concat([this.k, this.nonce.subarray(4)]);
    const next = chacha20(this.k, this.nonce, 0, keyAndInonce);
    keyAndInonce.fill(0);
    this.k.set(next.subarray(0, KEY_BYTES));
    this.nonce.set(next.subarray(KEY_BYTES), 4);
    next.fill(0);
    this.resetCounter();
  }

  private resetCounter(): void {
    this.nonce.writeUInt32LE(1, 0);
  }
}

/** libsodium's and RFC 8439's ciphertext padding agree for these lengths (see the top). */
function rfcPadding(messageLength: number): boolean {
  const rest = messageLength % 16;
  return rest === 0 || rest === 8;
}

/** ChaCha20 (IETF: 12-byte nonce) of `bytes` from block `counter`; OpenSSL's IV is LE32 || nonce. */
function chacha20(k: Buffer, nonce: Buffer, counter: number, bytes: Uint8Array): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUInt32LE(counter, 0);
  nonce.copy(iv, 4);
  return createCipheriv('chacha20', k, iv).update(bytes);
}

/** What libsodium's secretstream feeds Poly1305, with its |c| mod 16 padding after c. */
function macInput(ad: Uint8Array, block: Buffer, c: Uint8Array): Buffer {
  const adPad = (16 - (ad.length % 16)) % 16;
  const cPad = c.length % 16;
  const input = Buffer.alloc(ad.length + adPad + block.length + c.length + cPad + 16);
  let at = 0;
  input.set(ad, at);
  at += ad.length + adPad;
  input.set(block, at);
  at += block.length;
  input.set(c, at);
  at += c.length + cPad;
  input.writeBigUInt64LE(BigInt(ad.length), at);
  input.writeBigUInt64LE(BigInt(block.length + c.length), at + 8);
  return input;
}
