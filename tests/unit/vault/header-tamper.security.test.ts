/**
 * vault.json is outside input: anyone with the disk can edit it. Every altered field must stop the
 * unlock with a typed error — the right one — before the database is opened, and the attempt must
 * leave the folder as it found it. KDF parameters lowered by an attacker (a downgrade) are refused
 * by the floor before any Argon2id runs; a header from the future is refused untouched; the file
 * size is bounded before anything is parsed (Tella's header reader trusted the file's lengths).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, mkdirSync, writeFileSync, truncateSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import { KDF_FLOOR, Vault, vaultPaths } from '../../../electron/main/vault';
import {
  HEADER_VERSION,
  headerSchema,
  MAX_HEADER_BYTES,
  MAX_SLOTS,
} from '../../../electron/main/vault/header';
import { catchAppError } from '../../helpers/app-error';
import { PASSPHRASE } from '../../helpers/kdf';
import { snapshotDir } from '../../helpers/snapshot';
import { createTempDirs } from '../../helpers/temp';
import { firstSlot, readHeaderJson, writeHeaderJson } from '../../helpers/vault';
import type { HeaderJson } from '../../helpers/vault';
import { createRecoveryTemplate, passphraseSlot, recoverySlot } from './recovery-template';
import type { RecoverySlotJson, RecoveryTemplate } from './recovery-template';

const dirs = createTempDirs();
const templates = createTempDirs();
afterEach(() => dirs.cleanup());
afterAll(() => templates.cleanup());

let template: RecoveryTemplate;
beforeAll(async () => {
  template = await createRecoveryTemplate(templates);
});

const MiB = 1024 * 1024;
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX = '0123456789abcdef';

/** Replaces the character at `index` with the next one of its alphabet: a one-symbol change. */
function substitute(value: string, index: number, alphabet: string): string {
  const ch = value[index];
  if (ch === undefined) throw new Error(`no character at ${index}`);
  const at = alphabet.indexOf(ch);
  if (at < 0) throw new Error(`${ch} is not in the alphabet`);
  const next = alphabet[(at + 1) % alphabet.length] as string;
  return value.slice(0, index) + next + value.slice(index + 1);
}

/**
 * Opens a copy of the template whose header went through `mutate`, with the passphrase or (when
 * `withRecoveryKey`) the recovery key; returns the error code.
 */
async function openTampered(
  mutate: (header: HeaderJson) => unknown,
  withRecoveryKey = false,
): Promise<{ code: ErrorCode; unchanged: boolean }> {
  const dir = dirs.copyOf(template.dir);
  writeHeaderJson(dir, mutate(readHeaderJson(dir)));
  const before = snapshotDir(dir);
  const error = await catchAppError(() =>
    withRecoveryKey
      ? Vault.openWithRecoveryKey(dir, template.recoveryKey)
      : Vault.open(dir, PASSPHRASE),
  );
  const after = snapshotDir(dir);
  return { code: error.code, unchanged: JSON.stringify(after) === JSON.stringify(before) };
}

interface Tamper {
  readonly field: string;
  readonly expected: ErrorCode;
  readonly mutate: (h: HeaderJson) => void;
}

// A changed field reached by the crypto fails where it is checked: the slot's AEAD (its key is
// derived from salt and cost, its associated data binds vaultId and slot id) says
// WRONG_PASSPHRASE; fields only the MAC covers say VAULT_CORRUPT; the schema says VAULT_CORRUPT.
const TAMPERS: readonly Tamper[] = [
  {
    field: 'vaultId (one hex digit)',
    expected: 'WRONG_PASSPHRASE',
    mutate: (h) => (h.vaultId = substitute(h.vaultId, 35, HEX)),
  },
  {
    field: 'createdAt (one digit)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) =>
      (h.createdAt = h.createdAt.replace(/^(\d{3})(\d)/, (_, a, d) => a + ((+d + 1) % 10))),
  },
  {
    field: 'slot id (one hex digit)',
    expected: 'WRONG_PASSPHRASE',
    mutate: (h) => (firstSlot(h).id = substitute(firstSlot(h).id, 35, HEX)),
  },
  {
    field: 'slot kdf.salt (one symbol)',
    expected: 'WRONG_PASSPHRASE',
    mutate: (h) => (firstSlot(h).kdf.salt = substitute(firstSlot(h).kdf.salt, 0, BASE64)),
  },
  {
    field: 'slot nonce (one symbol)',
    expected: 'WRONG_PASSPHRASE',
    mutate: (h) => (firstSlot(h).nonce = substitute(firstSlot(h).nonce, 0, BASE64)),
  },
  {
    field: 'slot wrappedKey, ciphertext part (one symbol)',
    expected: 'WRONG_PASSPHRASE',
    mutate: (h) => (firstSlot(h).wrappedKey = substitute(firstSlot(h).wrappedKey, 0, BASE64)),
  },
  {
    field: 'slot wrappedKey, tag part (one symbol)',
    expected: 'WRONG_PASSPHRASE',
    mutate: (h) => (firstSlot(h).wrappedKey = substitute(firstSlot(h).wrappedKey, 60, BASE64)),
  },
  {
    field: 'slot kdf.opslimit raised (a different key, not a weaker one)',
    expected: 'WRONG_PASSPHRASE',
    mutate: (h) => (firstSlot(h).kdf.opslimit = KDF_FLOOR.opslimit + 1),
  },
  {
    field: 'mac (one symbol)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h.mac = substitute(h.mac, 0, BASE64)),
  },
  {
    field: 'mac shortened to a valid 3-byte base64 (was a TypeError from memcmp)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h.mac = 'AAAA'),
  },
  {
    field: 'mac emptied',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h.mac = ''),
  },
  {
    field: 'salt with non-zero padding bits (was an untyped "invalid input")',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (firstSlot(h).kdf.salt = 'AAAAAAAAAAAAAAAAAAAAAB=='),
  },
  {
    field: 'salt one byte short',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (firstSlot(h).kdf.salt = firstSlot(h).kdf.salt.slice(0, 20)),
  },
  {
    field: 'format',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h.format = 'svidok-vault-x'),
  },
  {
    field: 'kdf.alg (argon2i instead of argon2id)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (firstSlot(h).kdf.alg = 'argon2i13'),
  },
  {
    field: 'an extra top-level key',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h['keyHint'] = 'x'),
  },
  {
    field: 'no slots',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h.slots = []),
  },
  {
    field: 'a second, injected slot (the MAC covers the slot list)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => h.slots.push({ ...firstSlot(h), id: substitute(firstSlot(h).id, 35, HEX) }),
  },
  // The recovery slot, seen through a passphrase unlock: only the MAC or the schema can see it.
  {
    field: 'recovery slot id (one hex digit; the MAC covers it)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (recoverySlot(h).id = substitute(recoverySlot(h).id, 35, HEX)),
  },
  {
    field: 'recovery slot nonce (one symbol)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (recoverySlot(h).nonce = substitute(recoverySlot(h).nonce, 0, BASE64)),
  },
  {
    field: 'recovery slot wrappedKey (one symbol)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (recoverySlot(h).wrappedKey = substitute(recoverySlot(h).wrappedKey, 0, BASE64)),
  },
  {
    field: 'recovery slot removed',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h.slots = h.slots.filter((s) => s.kind !== 'recovery')),
  },
  {
    field: 'slots reordered (the MAC covers their order)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => h.slots.reverse(),
  },
  {
    field: 'a second recovery slot (at most one)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) =>
      h.slots.push({ ...recoverySlot(h), id: substitute(recoverySlot(h).id, 35, HEX) } as never),
  },
  {
    field: 'only the recovery slot left (a passphrase slot is required)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h.slots = h.slots.filter((s) => s.kind === 'recovery')),
  },
  {
    field: 'two slots with the same id',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (recoverySlot(h).id = passphraseSlot(h).id),
  },
  {
    field: 'recovery slot given a kdf block (no cost fields on a recovery slot)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => Object.assign(recoverySlot(h), { kdf: { ...passphraseSlot(h).kdf } }),
  },
  {
    field: 'recovery slot relabelled as a passphrase slot (no kdf block)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (recoverySlot(h).kind = 'passphrase'),
  },
  {
    field: 'passphrase slot relabelled as a recovery slot (stray kdf block)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (passphraseSlot(h).kind = 'recovery'),
  },
  {
    field: 'a slot of an unknown kind',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (recoverySlot(h).kind = 'fido2'),
  },
];

// The same header reached through the recovery key: its slot's AEAD binds vault id and slot id
// (WRONG_RECOVERY_KEY), and the MAC covers everything else (VAULT_CORRUPT).
const RECOVERY_TAMPERS: readonly Tamper[] = [
  {
    field: 'vaultId (one hex digit)',
    expected: 'WRONG_RECOVERY_KEY',
    mutate: (h) => (h.vaultId = substitute(h.vaultId, 35, HEX)),
  },
  {
    field: 'recovery slot id (one hex digit)',
    expected: 'WRONG_RECOVERY_KEY',
    mutate: (h) => (recoverySlot(h).id = substitute(recoverySlot(h).id, 35, HEX)),
  },
  {
    field: 'recovery slot nonce (one symbol)',
    expected: 'WRONG_RECOVERY_KEY',
    mutate: (h) => (recoverySlot(h).nonce = substitute(recoverySlot(h).nonce, 0, BASE64)),
  },
  {
    field: 'recovery slot wrappedKey, ciphertext part (one symbol)',
    expected: 'WRONG_RECOVERY_KEY',
    mutate: (h) => (recoverySlot(h).wrappedKey = substitute(recoverySlot(h).wrappedKey, 0, BASE64)),
  },
  {
    field: 'recovery slot wrappedKey, tag part (one symbol)',
    expected: 'WRONG_RECOVERY_KEY',
    mutate: (h) =>
      (recoverySlot(h).wrappedKey = substitute(recoverySlot(h).wrappedKey, 60, BASE64)),
  },
  {
    field: 'recovery slot removed (and nothing else)',
    expected: 'WRONG_RECOVERY_KEY',
    mutate: (h) => (h.slots = h.slots.filter((s) => s.kind !== 'recovery')),
  },
  {
    field: 'passphrase slot salt (the MAC covers the other slots)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (passphraseSlot(h).kdf.salt = substitute(passphraseSlot(h).kdf.salt, 0, BASE64)),
  },
  {
    field: 'passphrase slot cost lowered under the floor (the floor still applies)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (passphraseSlot(h).kdf.opslimit = 1),
  },
  {
    field: 'createdAt (one digit)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) =>
      (h.createdAt = h.createdAt.replace(/^(\d{3})(\d)/, (_, a, d) => a + ((+d + 1) % 10))),
  },
  {
    field: 'mac (one symbol)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) => (h.mac = substitute(h.mac, 0, BASE64)),
  },
  {
    field: 'a second recovery slot (schema, before any key is used)',
    expected: 'VAULT_CORRUPT',
    mutate: (h) =>
      h.slots.push({ ...recoverySlot(h), id: substitute(recoverySlot(h).id, 35, HEX) } as never),
  },
];

describe('header tamper: each altered field fails with its typed error and never opens', () => {
  it.each(TAMPERS)('$field -> $expected, files untouched', async ({ expected, mutate }) => {
    const { code, unchanged } = await openTampered((h) => {
      mutate(h);
      return h;
    });
    expect(code).toBe(expected);
    expect(unchanged).toBe(true);
  });

  it('the untampered copy opens (control: the tamper, not the copy, is what fails)', async () => {
    const dir = dirs.copyOf(template.dir);
    writeHeaderJson(dir, readHeaderJson(dir));
    const vault = await Vault.open(dir, PASSPHRASE);
    expect(vault.isOpen).toBe(true);
    vault.close();
    const recovered = await Vault.openWithRecoveryKey(dir, template.recoveryKey);
    expect(recovered.isOpen).toBe(true);
    recovered.close();
  });

  it('byte flips spread over the whole file (XOR 0x01) all fail with a typed error', async () => {
    const original = readFileSync(vaultPaths(template.dir).header);
    const positions = Array.from({ length: 16 }, (_, i) =>
      Math.floor(((i + 0.5) * original.length) / 16),
    );
    for (const position of positions) {
      const dir = dirs.copyOf(template.dir);
      const bytes = Buffer.from(original);
      bytes[position] = (bytes[position] as number) ^ 0x01;
      writeFileSync(vaultPaths(dir).header, bytes);
      const error = await catchAppError(() => Vault.open(dir, PASSPHRASE));
      expect(['VAULT_CORRUPT', 'WRONG_PASSPHRASE', 'KDF_TOO_WEAK']).toContain(error.code);
    }
  });
});

describe('header tamper, unlocking with the recovery key: refused, never opened', () => {
  it.each(RECOVERY_TAMPERS)(
    '$field -> $expected, files untouched',
    async ({ expected, mutate }) => {
      const { code, unchanged } = await openTampered((h) => {
        mutate(h);
        return h;
      }, true);
      expect(code).toBe(expected);
      expect(unchanged).toBe(true);
    },
  );

  it('the recovery slot of another vault, copied in with its id, does not open this one', async () => {
    const other = await createRecoveryTemplate(templates);
    const foreign = recoverySlot(readHeaderJson(other.dir));
    const dir = dirs.copyOf(template.dir);
    const header = readHeaderJson(dir);
    header.slots = header.slots.map((s) => (s.kind === 'recovery' ? (foreign as never) : s));
    writeHeaderJson(dir, header);
    // With the other vault's key: its slot is bound to the other vault id (AEAD), so it fails.
    const error = await catchAppError(() => Vault.openWithRecoveryKey(dir, other.recoveryKey));
    expect(error.code).toBe('WRONG_RECOVERY_KEY');
  });
});

// The MAC would catch all of these too; the schema must refuse them on its own, before any key
// is derived, so each rule is checked here without the MAC in the way.
describe('slot rules of the header schema, on their own', () => {
  const parses = (mutate: (h: HeaderJson) => void): boolean => {
    const header = readHeaderJson(template.dir);
    mutate(header);
    return headerSchema.safeParse(header).success;
  };
  const extraRecovery = (h: HeaderJson) => ({
    ...recoverySlot(h),
    id: substitute(recoverySlot(h).id, 35, HEX),
  });
  const extraPassphrase = (h: HeaderJson) => ({ ...passphraseSlot(h), id: randomUUID() });

  it('the untouched header parses (control)', () => {
    expect(parses(() => {})).toBe(true);
  });

  it.each([
    ['two recovery slots', (h: HeaderJson) => h.slots.push(extraRecovery(h) as never)],
    [
      'no passphrase slot',
      (h: HeaderJson) => (h.slots = h.slots.filter((s) => s.kind === 'recovery')),
    ],
    ['two slots sharing an id', (h: HeaderJson) => (recoverySlot(h).id = passphraseSlot(h).id)],
    [
      `more than ${MAX_SLOTS} slots`,
      (h: HeaderJson) => {
        while (h.slots.length <= MAX_SLOTS) h.slots.push(extraPassphrase(h));
      },
    ],
    [
      'a recovery slot with a kdf block',
      (h: HeaderJson) => Object.assign(recoverySlot(h), { kdf: passphraseSlot(h).kdf }),
    ],
    [
      'a recovery slot without its nonce',
      (h: HeaderJson) => delete (recoverySlot(h) as Partial<RecoverySlotJson>).nonce,
    ],
    ['a recovery slot id that is not a UUID', (h: HeaderJson) => (recoverySlot(h).id = 'recovery')],
    [
      'a recovery wrappedKey one byte short',
      (h: HeaderJson) => (recoverySlot(h).wrappedKey = recoverySlot(h).wrappedKey.slice(0, 60)),
    ],
  ])('%s is refused by the schema', (_name, mutate) => {
    expect(parses(mutate)).toBe(false);
  });

  it(`exactly ${MAX_SLOTS} slots, one of them recovery, still parse (the bound is not off by one)`, () => {
    expect(
      parses((h) => {
        while (h.slots.length < MAX_SLOTS) h.slots.push(extraPassphrase(h));
      }),
    ).toBe(true);
  });
});

describe('KDF downgrade', () => {
  // Lowering the cost changes the derived key, so the slot (and the MAC) would fail too. The floor
  // must refuse first: the error names the attack, and no cheap derivation is ever run for it.
  it.each([
    ['opslimit 1', (h: HeaderJson) => (firstSlot(h).kdf.opslimit = 1)],
    ['memlimit 32 MiB', (h: HeaderJson) => (firstSlot(h).kdf.memlimit = 32 * MiB)],
    ['memlimit 8 KiB', (h: HeaderJson) => (firstSlot(h).kdf.memlimit = 8 * 1024)],
    // Just under the floor on each axis, the other at the floor: the comparison is not off by one.
    [
      'memlimit 64 MiB - 1 KiB, opslimit 2',
      (h: HeaderJson) => {
        firstSlot(h).kdf.opslimit = 2;
        firstSlot(h).kdf.memlimit = 64 * MiB - 1024;
      },
    ],
    [
      'opslimit 1, memlimit 64 MiB',
      (h: HeaderJson) => {
        firstSlot(h).kdf.opslimit = 1;
        firstSlot(h).kdf.memlimit = 64 * MiB;
      },
    ],
  ])('%s -> KDF_TOO_WEAK, files untouched', async (_name, mutate) => {
    const { code, unchanged } = await openTampered((h) => {
      mutate(h);
      return h;
    });
    expect(code).toBe('KDF_TOO_WEAK');
    expect(unchanged).toBe(true);
  });

  it.each([
    ['opslimit 1000', (h: HeaderJson) => (firstSlot(h).kdf.opslimit = 1000)],
    ['memlimit 1 TiB', (h: HeaderJson) => (firstSlot(h).kdf.memlimit = 2 ** 40)],
    ['memlimit 0', (h: HeaderJson) => (firstSlot(h).kdf.memlimit = 0)],
    ['opslimit 2.5', (h: HeaderJson) => (firstSlot(h).kdf.opslimit = 2.5)],
  ])(
    'an absurd cost (%s) is VAULT_CORRUPT, refused before Argon2id allocates or spins',
    async (_n, mutate) => {
      const { code, unchanged } = await openTampered((h) => {
        mutate(h);
        return h;
      });
      expect(code).toBe('VAULT_CORRUPT');
      expect(unchanged).toBe(true);
    },
  );
});

describe('header from the future', () => {
  it(`version ${HEADER_VERSION + 1} -> VAULT_FROM_FUTURE, files untouched`, async () => {
    const { code, unchanged } = await openTampered((h) => ({ ...h, version: HEADER_VERSION + 1 }));
    expect(code).toBe('VAULT_FROM_FUTURE');
    expect(unchanged).toBe(true);
  });

  it('a future header with fields this version does not know is still FROM_FUTURE, not corrupt', async () => {
    const { code } = await openTampered((h) => ({
      ...h,
      version: 999,
      slots: [{ kind: 'fido2' }],
      newField: true,
    }));
    expect(code).toBe('VAULT_FROM_FUTURE');
  });
});

describe('malformed vault.json', () => {
  it.each([
    ['empty', 0],
    ['the first byte only', 1],
    ['half', 0.5],
    ['all but the closing brace', -2],
  ])('truncated (%s) -> VAULT_CORRUPT', async (_name, cut) => {
    const dir = dirs.copyOf(template.dir);
    const path = vaultPaths(dir).header;
    const size = readFileSync(path).length;
    const length = cut >= 1 ? cut : cut < 0 ? size + cut : Math.floor(size * cut);
    truncateSync(path, length);
    const before = snapshotDir(dir);
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_CORRUPT');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it.each(['null', '[]', '"svidok-vault"', '42', '{}', '{"version":"2"}'])(
    'valid JSON of the wrong shape (%s) -> VAULT_CORRUPT',
    async (text) => {
      const dir = dirs.copyOf(template.dir);
      writeFileSync(vaultPaths(dir).header, text);
      expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_CORRUPT');
    },
  );

  it('bytes that are not UTF-8 -> VAULT_CORRUPT', async () => {
    const dir = dirs.copyOf(template.dir);
    const original = readFileSync(vaultPaths(dir).header, 'utf8');
    // An invalid UTF-8 byte inside the createdAt string (JSON would accept U+FFFD there).
    const at = original.indexOf('"createdAt": "') + '"createdAt": "'.length;
    const bytes = Buffer.concat([
      Buffer.from(original.slice(0, at), 'utf8'),
      Buffer.from([0xff]),
      Buffer.from(original.slice(at), 'utf8'),
    ]);
    writeFileSync(vaultPaths(dir).header, bytes);
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_CORRUPT');
  });

  it('a folder where vault.json should be -> VAULT_CORRUPT', async () => {
    const dir = dirs.copyOf(template.dir);
    rmSync(vaultPaths(dir).header);
    mkdirSync(vaultPaths(dir).header);
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_CORRUPT');
  });

  it.skipIf(process.platform === 'win32')(
    'a FIFO where vault.json should be -> VAULT_CORRUPT, without blocking on it',
    async () => {
      const dir = dirs.copyOf(template.dir);
      rmSync(vaultPaths(dir).header);
      execFileSync('mkfifo', [vaultPaths(dir).header]);
      expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_CORRUPT');
    },
  );

  it(`larger than ${MAX_HEADER_BYTES} bytes -> VAULT_CORRUPT without parsing`, async () => {
    // A future-version header padded past the bound: were it parsed, the error would be
    // VAULT_FROM_FUTURE. VAULT_CORRUPT proves the size check ran first.
    const dir = dirs.copyOf(template.dir);
    const future = JSON.stringify({ ...readHeaderJson(dir), version: HEADER_VERSION + 1 });
    writeFileSync(vaultPaths(dir).header, future.padEnd(MAX_HEADER_BYTES + 1, ' '));
    const before = snapshotDir(dir);
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_CORRUPT');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it(`exactly ${MAX_HEADER_BYTES} bytes is still read (the bound is not off by one)`, async () => {
    const dir = dirs.copyOf(template.dir);
    const future = JSON.stringify({ ...readHeaderJson(dir), version: HEADER_VERSION + 1 });
    writeFileSync(vaultPaths(dir).header, future.padEnd(MAX_HEADER_BYTES, ' '));
    expect((await catchAppError(() => Vault.open(dir, PASSPHRASE))).code).toBe('VAULT_FROM_FUTURE');
  });
});
