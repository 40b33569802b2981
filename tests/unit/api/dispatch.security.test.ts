/**
 * The process boundary, through createApi's one dispatch function as the renderer reaches it:
 * unknown or prototype channel names, wrong types, extra keys, oversized and deeply nested inputs
 * are all refused before any service runs; failures carry a code and a short message, never a
 * stack, a path or the data; and the walking skeleton works end to end through it.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/main/api';
import type { Handlers } from '../../../electron/main/api';
import { createLogger, memorySink } from '../../../electron/main/log';
import { ALL_ERROR_CODES } from '../../../shared/errors';
import { channels, DEFAULT_MAX_INPUT_BYTES, MAX_NARRATIVE_CHARS } from '../../../shared/ipc';
import type { Result } from '../../../shared/ipc';
import { err, ok, startApi } from '../../helpers/api';
import { recordConsent } from '../../helpers/consent';
import type { TestApi } from '../../helpers/api';
import { PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs();
const apis: TestApi[] = [];
afterEach(() => {
  for (const t of apis.splice(0)) t.api.shutdown();
  dirs.cleanup();
});

/** A fresh API over an empty temp folder; every failure it returns is checked for leaks. */
function fresh(): TestApi & {
  dir: string;
  raw: (channel: unknown, input: unknown) => Promise<Result<unknown, string>>;
} {
  const dir = dirs.make();
  const t = startApi(dir);
  apis.push(t);
  const raw = async (channel: unknown, input: unknown) => {
    const result = await t.api.dispatch(channel, input);
    if (!result.ok) expectCleanError(result.error);
    return result;
  };
  return { ...t, dir, raw };
}

async function unlocked(): Promise<ReturnType<typeof fresh>> {
  const t = fresh();
  ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
  return t;
}

/** An error crossing the boundary: a known code and a short message, nothing else. */
function expectCleanError(error: { code: string; message: string }): void {
  expect(Object.keys(error).sort()).toEqual(['code', 'message']);
  expect(ALL_ERROR_CODES).toContain(error.code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeLessThan(200);
  expect(error.message).not.toMatch(/\n|\bat \S+ \(|\bat file:|node:internal/);
  expect(error.message).not.toMatch(/(^|[\s(])(\/|[A-Za-z]:\\)\S|\.ts:\d|node_modules/);
}

const stateOf = async (t: ReturnType<typeof fresh>) => ok(await t.call('vault:status', {})).state;

describe('channel names', () => {
  it.each([
    'vault:nuke',
    '',
    'VAULT:STATUS',
    'vault:status ',
    'vault',
    'testimony:delete',
    'sql:exec',
  ])('unknown channel %j -> UNKNOWN_CHANNEL', async (name) => {
    const t = fresh();
    expect(err(await t.raw(name, {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { channel: 'vault:status' }],
    ['an array', ['vault:status']],
    ['a String object', new String('vault:status')],
    ['a boolean', true],
  ])('a channel that is not a string (%s) -> UNKNOWN_CHANNEL', async (_name, channel) => {
    const t = fresh();
    expect(err(await t.raw(channel, {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '__defineGetter__',
    'isPrototypeOf',
  ])('the Object.prototype name %j -> UNKNOWN_CHANNEL', async (name) => {
    const t = fresh();
    expect(err(await t.raw(name, {})).code).toBe('UNKNOWN_CHANNEL');
  });

  it('an unknown channel runs nothing and does not log the name it was given', async () => {
    const t = fresh();
    const name = `exfil:${randomUUID()}`;
    await t.raw(name, { passphrase: PASSPHRASE });
    expect(readdirSync(t.dir)).toEqual([]);
    expect(t.logLines.join('\n')).not.toContain(name);
    expect(t.logLines.join('\n')).toContain('ipc.unknown_channel');
  });
});

describe('input validation happens before any service runs', () => {
  it.each([
    ['vault:create', { passphrase: 123 }],
    ['vault:create', { passphrase: '' }],
    ['vault:create', { passphrase: ['correct horse battery'] }],
    ['vault:create', {}],
    ['vault:create', null],
    ['vault:create', undefined],
    ['vault:create', 'correct horse battery'],
    ['vault:create', [PASSPHRASE]],
    ['vault:status', null],
    ['vault:status', []],
    ['testimony:get', { id: 'not-a-uuid' }],
    ['testimony:get', { id: 7 }],
    ['testimony:saveNarrative', { id: randomUUID(), narrative: 'x', baseRevision: -1 }],
    ['testimony:saveNarrative', { id: randomUUID(), narrative: 'x', baseRevision: 1.5 }],
    ['testimony:saveNarrative', { id: randomUUID(), narrative: 'x', baseRevision: '1' }],
    ['testimony:saveNarrative', { id: randomUUID(), narrative: null, baseRevision: 0 }],
    ['testimony:saveNarrative', { id: randomUUID(), narrative: 'x', baseRevision: Infinity }],
    ['testimony:saveNarrative', { id: randomUUID(), narrative: 'x', baseRevision: NaN }],
  ])('%s with %j -> BAD_INPUT', async (channel, input) => {
    const t = fresh();
    expect(err(await t.raw(channel, input)).code).toBe('BAD_INPUT');
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it.each([
    '',
    '   ',
    '../etc',
    'a/b',
    'a\\b',
    '.hidden',
    '-flag',
    'UA 1',
    'x'.repeat(65),
    'file\u202Egnp',
    'UA-1\u0000',
    'UA\n1',
  ])('record code %j is refused (BAD_INPUT), no testimony is made', async (recordCode) => {
    const t = await unlocked();
    expect(err(await t.raw('testimony:create', { recordCode })).code).toBe('BAD_INPUT');
    expect(ok(await t.call('testimony:list', {})).items).toEqual([]);
  });

  it.each([
    ['vault:status', { x: 1 }],
    ['vault:lock', { force: true }],
    ['vault:create', { passphrase: PASSPHRASE, kdf: { opslimit: 1, memlimit: 8192 } }],
    ['vault:unlock', { passphrase: PASSPHRASE, slot: 0 }],
    ['testimony:create', { recordCode: 'UA-1', id: randomUUID() }],
    ['testimony:saveNarrative', { id: randomUUID(), narrative: 'x', baseRevision: 0, force: true }],
  ])('%s with an extra key -> BAD_INPUT', async (channel, input) => {
    const t = fresh();
    expect(err(await t.raw(channel, input)).code).toBe('BAD_INPUT');
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('an own "__proto__" key (as JSON.parse makes it) is an extra key, and pollutes nothing', async () => {
    const t = fresh();
    const input: unknown = JSON.parse(
      `{"passphrase":"${PASSPHRASE}","__proto__":{"polluted":true,"kdf":{"opslimit":1}}}`,
    );
    expect(err(await t.raw('vault:create', input)).code).toBe('BAD_INPUT');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('the log of a bad input names keys, never values', async () => {
    const t = fresh();
    const secret = `value-${randomUUID()}`;
    await t.raw('vault:create', { passphrase: 42, [secret]: secret });
    const log = t.logLines.join('\n');
    expect(log).toContain('ipc.bad_input');
    expect(log).not.toContain(secret);
  });
});

describe('size bounds', () => {
  it(`an input over ${DEFAULT_MAX_INPUT_BYTES} bytes on a normal channel -> PAYLOAD_TOO_LARGE`, async () => {
    const t = fresh();
    const huge = 'a'.repeat(DEFAULT_MAX_INPUT_BYTES);
    expect(err(await t.raw('vault:create', { passphrase: huge })).code).toBe('PAYLOAD_TOO_LARGE');
    // Size is checked before shape: an oversized extra key is too large, not merely bad.
    expect(err(await t.raw('vault:status', { pad: huge })).code).toBe('PAYLOAD_TOO_LARGE');
    expect(err(await t.raw('testimony:create', { recordCode: huge })).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(t.logLines.join('\n')).toContain('ipc.payload_too_large');
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('saveNarrative: past its own bound -> PAYLOAD_TOO_LARGE; one past the narrative limit is refused', async () => {
    const t = fresh();
    const bound = channels['testimony:saveNarrative'].maxInputBytes ?? 0;
    expect(bound).toBeGreaterThan(DEFAULT_MAX_INPUT_BYTES);
    const input = (narrative: string) => ({ id: randomUUID(), narrative, baseRevision: 0 });

    const tooLarge = 'a'.repeat(Math.ceil(bound / 3) + 1);
    expect(err(await t.raw('testimony:saveNarrative', input(tooLarge))).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    const overLimit = 'a'.repeat(MAX_NARRATIVE_CHARS + 1);
    expect(['BAD_INPUT', 'PAYLOAD_TOO_LARGE']).toContain(
      err(await t.raw('testimony:saveNarrative', input(overLimit))).code,
    );
    // At the limit the input passes both bounds and reaches the service (locked here).
    const atLimit = 'Ж'.repeat(MAX_NARRATIVE_CHARS);
    expect(err(await t.raw('testimony:saveNarrative', input(atLimit))).code).toBe('VAULT_LOCKED');
  });

  it('a narrative of normal size on another channel is still bounded at the default', async () => {
    const t = fresh();
    const big = 'a'.repeat(DEFAULT_MAX_INPUT_BYTES);
    expect(err(await t.raw('testimony:get', { id: randomUUID(), narrative: big })).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });

  it.each([
    ['objects', (inner: unknown) => ({ a: inner })],
    ['arrays', (inner: unknown) => [inner]],
  ])('input nested 100 000 deep in %s -> refused without a stack overflow', async (_n, wrap) => {
    const t = fresh();
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = wrap(deep);
    for (const input of [deep, { passphrase: deep }]) {
      expect(['PAYLOAD_TOO_LARGE', 'BAD_INPUT']).toContain(
        err(await t.raw('vault:create', input)).code,
      );
    }
    expect(readdirSync(t.dir)).toEqual([]);
  });

  it('a cyclic input is refused, not walked forever', async () => {
    const t = fresh();
    const cyclic: Record<string, unknown> = { passphrase: PASSPHRASE };
    cyclic['self'] = cyclic;
    expect(['PAYLOAD_TOO_LARGE', 'BAD_INPUT']).toContain(
      err(await t.raw('vault:create', cyclic)).code,
    );
  });
});

describe('errors never carry a stack, a path or data', () => {
  const SECRET = `МАРКЕР-${randomUUID()}`;
  const failing = (error: unknown): Handlers => {
    const throws = () => {
      throw error;
    };
    // Every channel of the table, so a new channel is covered without editing this test.
    return Object.fromEntries(
      Object.keys(channels).map((name) => [name, throws]),
    ) as unknown as Handlers;
  };

  it.each([
    ['an Error with data and a path in its message', new Error(`${SECRET} at /work/x.ts:12:3`)],
    ['a TypeError', new TypeError(`Cannot read properties of undefined (${SECRET})`)],
    ['an error with a code', Object.assign(new Error(SECRET), { code: 'SQLITE_CORRUPT' })],
    ['a thrown string', `${SECRET}\n    at handler (/work/main/electron/main/api/x.ts:1:1)`],
    ['a thrown object', { message: SECRET, stack: `Error: ${SECRET}\n    at x (/a.ts:1:1)` }],
    ['undefined', undefined],
  ])(
    'a handler throwing %s -> INTERNAL with a generic message; the log has no data',
    async (_n, error) => {
      const lines: string[] = [];
      const dispatch = createDispatcher(failing(error), createLogger(memorySink(lines)));
      const result = err(await dispatch('vault:status', {}));
      expectCleanError(result);
      expect(result).toEqual({ code: 'INTERNAL', message: 'Internal error' });
      expect(lines.join('\n')).toContain('ipc.internal_error');
      expect(lines.join('\n')).not.toContain(SECRET);
    },
  );

  it('a handler returning the wrong shape -> INTERNAL, and the value does not cross', async () => {
    const lines: string[] = [];
    const handlers = {
      ...failing(new Error('unused')),
      'vault:status': () => ({ state: SECRET }) as unknown as { state: 'absent' },
    };
    const dispatch = createDispatcher(handlers, createLogger(memorySink(lines)));
    const result = await dispatch('vault:status', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
    expect(lines.join('\n')).toContain('ipc.bad_output');
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('a real internal failure (a table gone from the database) -> INTERNAL, generic', async () => {
    const t = await unlocked();
    const created = ok(await t.call('testimony:create', { recordCode: 'UA-1' }));
    t.api.vault.database().exec('DROP TABLE testimony_revision');
    const result = err(await t.raw('testimony:get', { id: created.id }));
    expect(result).toEqual({ code: 'INTERNAL', message: 'Internal error' });
    expect(t.logLines.join('\n')).not.toContain('testimony_revision');
  });

  it('a domain error crosses with its code and says nothing of the data (duplicate code)', async () => {
    const t = await unlocked();
    const recordCode = `МАРКЕР-${randomUUID().slice(0, 8)}`;
    ok(await t.call('testimony:create', { recordCode }));
    const result = err(await t.raw('testimony:create', { recordCode }));
    expect(result.code).toBe('DUPLICATE_RECORD_CODE');
    expect(result.message).not.toContain(recordCode);
    expect(t.logLines.join('\n')).not.toContain(recordCode);
  });
});

describe('testimony channels while locked', () => {
  it.each(['absent', 'locked'] as const)(
    'every testimony channel -> VAULT_LOCKED (vault %s)',
    async (state) => {
      const t = state === 'absent' ? fresh() : await unlocked();
      if (state === 'locked') ok(await t.call('vault:lock', {}));
      expect(await stateOf(t)).toBe(state);
      const id = randomUUID();
      const calls: Array<[string, unknown]> = [
        ['testimony:list', {}],
        ['testimony:create', { recordCode: 'UA-1' }],
        ['testimony:get', { id }],
        ['testimony:saveNarrative', { id, narrative: 'x', baseRevision: 0 }],
      ];
      for (const [channel, input] of calls) {
        expect(err(await t.raw(channel, input)).code).toBe('VAULT_LOCKED');
      }
    },
  );
});

describe('the walking skeleton through dispatch', () => {
  it('status absent -> create -> testimony -> save Cyrillic -> lock -> locked get -> unlock -> exact text', async () => {
    const t = fresh();
    expect(ok(await t.call('vault:status', {}))).toEqual({ state: 'absent' });
    const created0 = ok(await t.call('vault:create', { passphrase: PASSPHRASE }));
    expect(created0.state).toBe('unlocked');
    expect(created0.recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5})+$/);

    const created = ok(await t.call('testimony:create', { recordCode: '  UA-2026-001  ' }));
    expect(created.recordCode).toBe('UA-2026-001'); // trimmed by the schema
    await recordConsent(t.api, created.id);
    const narrative = 'Мене тримали в підвалі три тижні.\nДругий рядок: «лапки», апостроф ʼ.';
    const saved = ok(
      await t.call('testimony:saveNarrative', { id: created.id, narrative, baseRevision: 0 }),
    );
    expect(saved.revision).toBe(1);

    expect(ok(await t.call('vault:lock', {}))).toEqual({ state: 'locked' });
    expect(err(await t.raw('testimony:get', { id: created.id })).code).toBe('VAULT_LOCKED');
    expect(err(await t.raw('vault:unlock', { passphrase: 'wrong passphrase!' })).code).toBe(
      'WRONG_PASSPHRASE',
    );
    expect(ok(await t.call('vault:unlock', { passphrase: PASSPHRASE }))).toEqual({
      state: 'unlocked',
    });

    const back = ok(await t.call('testimony:get', { id: created.id }));
    expect(back.narrative).toBe(narrative);
    expect(back.revision).toBe(1);
    expect(ok(await t.call('testimony:list', {})).items.map((i) => i.id)).toEqual([created.id]);
  });

  it('concurrent vault:create calls: exactly one succeeds, the others are VAULT_EXISTS', async () => {
    const t = fresh();
    const passphrases = ['first passphrase!!', 'second passphrase!', 'third passphrase!!'];
    const results = await Promise.all(
      passphrases.map((passphrase) => t.raw('vault:create', { passphrase })),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [passphrases[i] as string] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual([
      'VAULT_EXISTS',
      'VAULT_EXISTS',
    ]);
    // The vault on disk is the winner's: it opens with that passphrase and no other.
    ok(await t.call('vault:lock', {}));
    for (const passphrase of passphrases.filter((p) => p !== winners[0])) {
      expect(err(await t.raw('vault:unlock', { passphrase })).code).toBe('WRONG_PASSPHRASE');
    }
    ok(await t.call('vault:unlock', { passphrase: winners[0] as string }));
  });
});
