/**
 * TestimonyStore over a real vault: testimonies and their append-only, hash-chained revisions.
 * The history is evidence, so the chain is checked from the stored rows, the text must come back
 * exactly as typed in any script, and the database itself refuses to rewrite a revision.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../../electron/main/log';
import { TestimonyStore } from '../../../electron/main/testimonies';
import type { TestimonyConsent } from '../../../electron/main/testimonies';
import { VaultService } from '../../../electron/main/vault';
import { AppError } from '../../../shared/errors';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { catchAppErrorSync } from '../../helpers/app-error';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs();
afterAll(() => dirs.cleanup());

/** A clock that moves one second per reading, so order and "updated" times are deterministic. */
function steppingClock(start = '2026-03-01T10:00:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

async function openVault(): Promise<VaultService> {
  const vault = new VaultService(dirs.make(), createLogger(memorySink([])), { kdf: FAST_KDF });
  await vault.create(PASSPHRASE);
  return vault;
}

/** Custody has its own tests; here it only has to be called, so it records what it is told. */
const recorded: Array<{ action: string; testimonyId?: string }> = [];
const AUTHOR = 'device:test-author';

/**
 * The consent gate is the interviews service's, tested with it (tests/unit/interviews) and
 * through the API; here consent is on record, except where a test says otherwise.
 */
const consentOnRecord: TestimonyConsent = {
  requireCanStore: () => undefined,
  summary: () => ({ consentGiven: true, consentWithdrawn: false }),
};

function storeOn(
  v: VaultService,
  now?: () => Date,
  consent: TestimonyConsent = consentOnRecord,
): TestimonyStore {
  return new TestimonyStore({
    db: () => v.database(),
    custody: { record: (action, subject) => void recorded.push({ action, ...subject }) },
    author: () => AUTHOR,
    consent,
    ...(now ? { now } : {}),
  });
}

let vault: VaultService;
let store: TestimonyStore;
beforeAll(async () => {
  vault = await openVault();
  store = storeOn(vault, steppingClock());
});
afterAll(() => {
  vault.lock();
});

const code = () => `UA-${randomUUID()}`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface RevisionRow {
  id: string;
  testimony_id: string;
  seq: number;
  narrative: string;
  content_hash: string;
  prev_hash: string | null;
  revision_hash: string;
  created_at: string;
  author: string;
}

const revisions = (testimonyId: string): RevisionRow[] =>
  vault
    .database()
    .prepare('SELECT * FROM testimony_revision WHERE testimony_id = ? ORDER BY seq')
    .all(testimonyId) as RevisionRow[];

describe('create, get, list', () => {
  it('create returns the summary; get of a new testimony is empty at revision 0', () => {
    const recordCode = code();
    const created = store.create(recordCode);
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.recordCode).toBe(recordCode);
    expect(created.updatedAt).toBe(created.createdAt);
    expect(store.get(created.id)).toEqual({ ...created, narrative: '', revision: 0 });
  });

  it('list shows every testimony, newest first, updatedAt following the latest revision', async () => {
    const own = await openVault();
    try {
      const s = storeOn(own, steppingClock());
      expect(s.list()).toEqual([]);
      const a = s.create('A-1');
      const b = s.create('B-1');
      const saved = s.saveNarrative(a.id, 'text', 0);
      expect(s.list()).toEqual([
        { ...b, updatedAt: b.createdAt },
        { ...a, updatedAt: saved.savedAt },
      ]);
      expect(saved.savedAt > b.createdAt).toBe(true);
    } finally {
      own.lock();
    }
  });

  it('DUPLICATE_RECORD_CODE for a record code in use; the first testimony is unchanged', () => {
    const recordCode = code();
    const first = store.create(recordCode);
    store.saveNarrative(first.id, 'original', 0);
    expect(catchAppErrorSync(() => store.create(recordCode)).code).toBe('DUPLICATE_RECORD_CODE');
    expect(store.list().filter((t) => t.recordCode === recordCode)).toHaveLength(1);
    expect(store.get(first.id).narrative).toBe('original');
  });

  it('NOT_FOUND for get and saveNarrative of an unknown id', () => {
    const id = randomUUID();
    expect(catchAppErrorSync(() => store.get(id)).code).toBe('NOT_FOUND');
    expect(catchAppErrorSync(() => store.saveNarrative(id, 'text', 0)).code).toBe('NOT_FOUND');
  });

  it('VAULT_LOCKED for every method while the vault is locked', async () => {
    const own = await openVault();
    const s = storeOn(own);
    const t = s.create(code());
    own.lock();
    expect(catchAppErrorSync(() => s.list()).code).toBe('VAULT_LOCKED');
    expect(catchAppErrorSync(() => s.create(code())).code).toBe('VAULT_LOCKED');
    expect(catchAppErrorSync(() => s.get(t.id)).code).toBe('VAULT_LOCKED');
    expect(catchAppErrorSync(() => s.saveNarrative(t.id, 'x', 0)).code).toBe('VAULT_LOCKED');
  });
});

describe('saveNarrative: append-only revisions chained by hash', () => {
  it('each save appends a revision; the chain links and every hash recomputes from the row', () => {
    const t = store.create(code());
    const texts = ['Перший запис.', 'Перший запис. Другий.', 'Переписано повністю.'];
    texts.forEach((text, i) => {
      expect(store.saveNarrative(t.id, text, i).revision).toBe(i + 1);
    });

    const rows = revisions(t.id);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows.map((r) => r.narrative)).toEqual(texts);
    rows.forEach((row, i) => {
      expect(row.content_hash).toBe(sha256(texts[i] as string));
      expect(row.prev_hash).toBe(i === 0 ? null : (rows[i - 1] as RevisionRow).revision_hash);
      expect(row.author).toBe(AUTHOR);
      expect(row.revision_hash).toBe(
        sha256(
          JSON.stringify([
            row.id,
            row.testimony_id,
            row.seq,
            row.created_at,
            row.author,
            row.content_hash,
            row.prev_hash,
          ]),
        ),
      );
    });
    expect(new Set(rows.map((r) => r.revision_hash)).size).toBe(3);
    expect(store.get(t.id)).toMatchObject({ narrative: texts[2], revision: 3 });
    expect(recorded.filter((r) => r.testimonyId === t.id).map((r) => r.action)).toEqual([
      'testimony.created',
      'testimony.revised',
      'testimony.revised',
      'testimony.revised',
    ]);
    expect(store.history(t.id).map((h) => [h.seq, h.chars, h.author])).toEqual(
      texts.map((text, i) => [i + 1, text.length, AUTHOR]),
    );
    expect(store.revisionText(t.id, 2)).toBe(texts[1]);
    expect(store.revisionText(t.id, 0)).toBe('');
    expect(catchAppErrorSync(() => store.revisionText(t.id, 9)).code).toBe('NOT_FOUND');
  });

  it('saving unchanged text creates no revision and returns the current one', () => {
    const t = store.create(code());
    const first = store.saveNarrative(t.id, 'same', 0);
    const again = store.saveNarrative(t.id, 'same', 1);
    expect(again).toEqual(first);
    expect(revisions(t.id)).toHaveLength(1);
  });

  it('saving the empty text of a new testimony creates no revision (regression: made an empty revision 1)', () => {
    const t = store.create(code());
    expect(store.saveNarrative(t.id, '', 0)).toEqual({ revision: 0, savedAt: t.createdAt });
    expect(revisions(t.id)).toHaveLength(0);
    expect(store.get(t.id).revision).toBe(0);
  });

  it('clearing a narrative is a change and is kept as a revision', () => {
    const t = store.create(code());
    store.saveNarrative(t.id, 'text', 0);
    expect(store.saveNarrative(t.id, '', 1).revision).toBe(2);
    expect(store.get(t.id)).toMatchObject({ narrative: '', revision: 2 });
  });

  it('CONFLICT on a stale or future baseRevision; nothing is appended', () => {
    const t = store.create(code());
    store.saveNarrative(t.id, 'one', 0);
    store.saveNarrative(t.id, 'two', 1);
    for (const base of [0, 1, 3, 99]) {
      expect(catchAppErrorSync(() => store.saveNarrative(t.id, 'stale', base)).code).toBe(
        'CONFLICT',
      );
    }
    expect(revisions(t.id).map((r) => r.narrative)).toEqual(['one', 'two']);
  });
});

describe('revisions are append-only in the database itself', () => {
  it('UPDATE and DELETE on testimony_revision raise, and the rows stay as they were', () => {
    const t = store.create(code());
    store.saveNarrative(t.id, 'evidence', 0);
    const before = revisions(t.id);
    const db = vault.database();
    for (const sql of [
      "UPDATE testimony_revision SET narrative = 'forged' WHERE testimony_id = ?",
      'UPDATE testimony_revision SET seq = seq + 10 WHERE testimony_id = ?',
      'DELETE FROM testimony_revision WHERE testimony_id = ?',
    ]) {
      expect(() => db.prepare(sql).run(t.id)).toThrow(/append-only/);
    }
    expect(revisions(t.id)).toEqual(before);
  });

  it('INSERT OR REPLACE cannot overwrite a revision (regression: REPLACE skipped the DELETE trigger)', () => {
    const t = store.create(code());
    store.saveNarrative(t.id, 'evidence', 0);
    const before = revisions(t.id);
    const original = before[0] as RevisionRow;
    const forge = vault.database().prepare(
      `INSERT OR REPLACE INTO testimony_revision
         (id, testimony_id, seq, narrative, content_hash, prev_hash, revision_hash, created_at)
       VALUES (?, ?, ?, 'forged', ?, NULL, ?, ?)`,
    );
    // Same id, and a new id on the same (testimony, seq): both would replace the original.
    for (const id of [original.id, randomUUID()]) {
      expect(() =>
        forge.run(id, t.id, 1, sha256('forged'), original.revision_hash, original.created_at),
      ).toThrow(/append-only/);
    }
    expect(revisions(t.id)).toEqual(before);
  });

  it('a testimony with revisions cannot be deleted out from under them (foreign key)', () => {
    const t = store.create(code());
    store.saveNarrative(t.id, 'evidence', 0);
    expect(() => vault.database().prepare('DELETE FROM testimony WHERE id = ?').run(t.id)).toThrow(
      /FOREIGN KEY/,
    );
    expect(store.get(t.id).narrative).toBe('evidence');
  });
});

describe('text round-trips exactly', () => {
  const samples: Array<[string, string]> = [
    ['Ukrainian', 'Мене тримали в підвалі. Ґанок, їжак, єнот, апостроф ʼ і ’.'],
    ['Russian and Belarusian', 'Допрос длился всю ночь. Ўсё, што ён сказаў.'],
    ['emoji with ZWJ, skin tones and flags', '👩🏽‍⚕️ 👨‍👩‍👧‍👦 🇺🇦 🏳️‍🌈 ❤️‍🔥'],
    ['RTL override and isolates', 'file\u202Egnp.exe \u2066isolated\u2069 \u200F\u200E'],
    ['Arabic and Hebrew', 'شهادة من المعتقل — עדות מהכלא'],
    [
      'combining marks, decomposed (must not be normalised)',
      'й'.normalize('NFD') + 'e\u0301\u0323',
    ],
    ['zero-width and BOM', '\uFEFFa\u200Bb\u200Cc\u200Dd\u2060e'],
    ['noncharacters and astral planes', '\uFFFE\uFFFF 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀 \u{10FFFD}'],
    ['line endings, tabs and trailing space', 'a\r\nb\rc\nd\te  \n\n'],
    ['quotes, SQL and markup', `'); DROP TABLE testimony;-- <img src=x onerror=alert(1)> "\\`],
    ['control characters other than NUL', '\u0001\u0007\u001B[31m\u007F\u0085'],
  ];

  it.each(samples)('%s', (_name, text) => {
    const t = store.create(code());
    store.saveNarrative(t.id, text, 0);
    const back = store.get(t.id).narrative;
    expect(back).toBe(text);
    expect(back.length).toBe(text.length);
    expect(revisions(t.id)[0]?.content_hash).toBe(sha256(text));
  });

  it('a long narrative (200k characters, mixed scripts) round-trips', () => {
    const t = store.create(code());
    const text = samples
      .map(([, s]) => s)
      .join('\n')
      .repeat(400)
      .slice(0, 200_000);
    store.saveNarrative(t.id, text, 0);
    expect(store.get(t.id).narrative === text).toBe(true);
  });

  it('record codes in Cyrillic round-trip and stay distinct from their Latin look-alikes', () => {
    const cyrillic = `УА-${randomUUID()}`; // У and А are Cyrillic
    const latin = cyrillic.replace('УА', 'YA');
    const a = store.create(cyrillic);
    const b = store.create(latin);
    expect(store.get(a.id).recordCode).toBe(cyrillic);
    expect(store.get(b.id).recordCode).toBe(latin);
  });
});

describe('the consent gate and the pinned template', () => {
  it('asks the gate inside the save transaction; a refusal stores nothing and records nothing', () => {
    const asked: boolean[] = [];
    const refusing: TestimonyConsent = {
      requireCanStore: () => {
        asked.push(vault.database().inTransaction);
        throw new AppError('CONSENT_REQUIRED', 'no consent');
      },
      summary: () => ({ consentGiven: false, consentWithdrawn: false }),
    };
    const s = storeOn(vault, undefined, refusing);
    const t = s.create(code());
    expect(t).toMatchObject({ consentGiven: false, consentWithdrawn: false });
    const before = recorded.length;
    expect(catchAppErrorSync(() => s.saveNarrative(t.id, 'Ім’я та прізвище', 0)).code).toBe(
      'CONSENT_REQUIRED',
    );
    expect(asked).toEqual([true]);
    expect(revisions(t.id)).toEqual([]);
    expect(recorded.length).toBe(before);
    // Saving the empty text of a new testimony changes nothing, so there is nothing to refuse.
    expect(s.saveNarrative(t.id, '', 0).revision).toBe(0);
  });

  it('pins the current template at creation, or the one an import names', () => {
    const t = store.create(code());
    const pinned = () =>
      vault
        .database()
        .prepare('SELECT template_id, template_version FROM testimony WHERE id = ?')
        .get(t.id);
    expect(pinned()).toEqual({
      template_id: CURRENT_TEMPLATE.id,
      template_version: CURRENT_TEMPLATE.version,
    });
    const other = store.create(code(), { id: 'other-template', version: 7 });
    expect(
      vault
        .database()
        .prepare('SELECT template_id, template_version FROM testimony WHERE id = ?')
        .get(other.id),
    ).toEqual({ template_id: 'other-template', template_version: 7 });
  });
});

describe('a full disk during a save', () => {
  it('SQLITE_FULL becomes DISK_FULL, and the previous revision stays the latest', () => {
    const t = store.create(code());
    store.saveNarrative(t.id, 'kept', 0);
    const db = vault.database();
    const pages = db.pragma('page_count', { simple: true }) as number;
    // max_page_count is per connection: the database may not grow, as on a full disk.
    db.pragma(`max_page_count = ${pages}`);
    try {
      const big = 'Ж'.repeat(400_000);
      expect(catchAppErrorSync(() => store.saveNarrative(t.id, big, 1)).code).toBe('DISK_FULL');
    } finally {
      db.pragma('max_page_count = 4294967294');
    }
    expect(store.get(t.id)).toMatchObject({ narrative: 'kept', revision: 1 });
    expect(revisions(t.id)).toHaveLength(1);
    expect(store.saveNarrative(t.id, 'after space freed', 1).revision).toBe(2);
  });
});

afterEach(() => {
  // The shared vault must stay open between tests; a test that locked it would break the rest.
  expect(vault.state()).toBe('unlocked');
});
