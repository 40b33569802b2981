/**
 * Redaction sets through the IPC table, on a real vault: what is stored, what is refused (with
 * which code), what custody records, and that nothing is lost or half-written on a refusal.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_SCOPES } from '../../helpers/consent';
import { err, ok } from '../../helpers/api';
import { ageKeygen, makeExportVault, NARRATIVE } from '../../helpers/export-vault';
import type { ExportVault, SampleTestimony } from '../../helpers/export-vault';
import { catchAppError } from '../../helpers/app-error';
import { createTempDirs } from '../../helpers/temp';

const dirs = createTempDirs('svidok-redaction-ipc-');
let v: ExportVault;
let main: SampleTestimony;
let other: SampleTestimony;

const NAME = 'Грищенко';

beforeAll(async () => {
  v = await makeExportVault(dirs.make('vault'));
  main = await v.addTestimony({
    recordCode: 'UA-RI-0001',
    scopes: [...STORE_SCOPES, 'share_ngo', 'share_national_prosecutor'],
    files: [{ name: 'notes.txt', bytes: Buffer.from('not an image') }],
  });
  other = await v.addTestimony({
    recordCode: 'UA-RI-0002',
    files: [{ name: 'other.txt', bytes: Buffer.from('x') }],
  });
  ok(
    await v.t.call('interview:saveSection', {
      testimonyId: main.id,
      sectionId: 'C',
      answers: {
        name_uk: { state: 'answered', value: `${NAME} Олена` },
        birth_date: { state: 'answered', value: '1990-04-02' },
      },
      baseRevision: 0,
    }),
  );
}, 60_000);

afterAll(() => {
  v?.t.api.shutdown();
  dirs.cleanup();
});

const add = (testimonyId: string, redaction: Record<string, unknown>) =>
  v.t.call('redaction:add', {
    testimonyId,
    redaction: { id: randomUUID(), category: 'name', ...redaction } as never,
  });

describe('redaction:add and redaction:remove', () => {
  it('stores each kind, lists it, and records custody entries that name no text', async () => {
    const before = v.t.api.services.custody.entries().length;
    const entity = ok(await add(main.id, { kind: 'entity', text: NAME }));
    const start = NARRATIVE.indexOf('підвалі');
    ok(
      await add(main.id, {
        kind: 'span',
        field: 'narrative',
        revision: 1,
        start,
        end: start + 'підвалі'.length,
        category: 'place',
      }),
    );
    ok(await add(main.id, { kind: 'field', field: 'C.birth_date', category: 'other' }));
    ok(
      await add(main.id, {
        kind: 'attachment',
        attachmentId: main.attachments[0]!.id,
        action: 'exclude',
      }),
    );
    const state = ok(await v.t.call('redaction:state', { testimonyId: main.id }));
    expect(state.redactions.map((r) => r.redaction.kind)).toEqual([
      'entity',
      'span',
      'field',
      'attachment',
    ]);
    expect(state.redacted.narrative.text).toContain('в [REDACTED: place] біля');
    expect(state.original.narrative.text).toBe(NARRATIVE);
    expect(state.excludedAttachmentIds).toEqual([main.attachments[0]!.id]);
    const entries = v.t.api.services.custody.entries().slice(before);
    expect(entries.map((e) => e.action)).toEqual(Array(4).fill('redaction.changed'));
    expect(JSON.stringify(entries)).not.toContain(NAME);
    expect(JSON.stringify(entries)).not.toContain('підвал');

    ok(
      await v.t.call('redaction:remove', {
        testimonyId: main.id,
        redactionId: entity.redaction.id,
      }),
    );
    const after = ok(await v.t.call('redaction:state', { testimonyId: main.id }));
    expect(after.redactions).toHaveLength(3);
    // Removed from the set, kept in the vault: the row is stamped, never deleted.
    const row = v.t.api.vault
      .database()
      .prepare('SELECT removed_at FROM redaction WHERE id = ?')
      .get(entity.redaction.id) as { removed_at: string | null };
    expect(row.removed_at).not.toBeNull();
    const last = v.t.api.services.custody.entries().at(-1);
    expect(last?.details).toMatchObject({ op: 'removed', redactionId: entity.redaction.id });
    expect(
      err(
        await v.t.call('redaction:remove', {
          testimonyId: main.id,
          redactionId: entity.redaction.id,
        }),
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('refuses what does not point into this testimony as it is now, and stores nothing', async () => {
    const count = () =>
      (
        v.t.api.vault.database().prepare('SELECT count(*) AS n FROM redaction').get() as {
          n: number;
        }
      ).n;
    const before = count();
    const span = { kind: 'span', field: 'narrative', start: 0, end: 4 };
    expect(err(await add(main.id, { ...span, revision: 7 })).code).toBe('CONFLICT');
    expect(err(await add(main.id, { ...span, revision: 1, end: 100_000 })).code).toBe('BAD_INPUT');
    expect(err(await add(main.id, { ...span, revision: 1, field: 'C.birth_date' })).code).toBe(
      'BAD_INPUT',
    );
    expect(err(await add(main.id, { kind: 'field', field: 'C.no_such_field' })).code).toBe(
      'BAD_INPUT',
    );
    expect(
      err(
        await add(main.id, {
          kind: 'attachment',
          attachmentId: other.attachments[0]!.id,
          action: 'exclude',
        }),
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      err(
        await add(main.id, {
          kind: 'attachment',
          attachmentId: main.attachments[0]!.id,
          action: 'blackout',
          regions: [{ x: 0, y: 0, w: 4, h: 4 }],
        }),
      ).code,
    ).toBe('IMAGE_UNSUPPORTED');
    expect(err(await add(randomUUID(), { kind: 'entity', text: 'x' })).code).toBe('NOT_FOUND');
    const id = randomUUID();
    ok(await add(main.id, { id, kind: 'entity', text: 'Олена' }));
    expect(err(await add(main.id, { id, kind: 'entity', text: 'Олена' })).code).toBe('CONFLICT');
    expect(count()).toBe(before + 1);
  });

  it('refuses garbage from the renderer at the boundary', async () => {
    const garbage: unknown[] = [
      { kind: 'entity', text: '   ' },
      { kind: 'entity', text: 'x', extra: 1 },
      { kind: 'entity', text: 'x', category: 'religion' },
      { kind: 'span', field: 'narrative', revision: 1, start: 5, end: 2 },
      { kind: 'span', field: '../../etc', revision: 1, start: 0, end: 2 },
      { kind: 'entity', text: 'x'.repeat(501) },
      { kind: 'attachment', attachmentId: randomUUID(), action: 'blackout', regions: [] },
    ];
    for (const g of garbage) {
      const result = await v.t.api.dispatch('redaction:add', {
        testimonyId: main.id,
        redaction: { id: randomUUID(), category: 'name', ...(g as object) },
      });
      expect(result.ok ? 'ok' : result.error.code, JSON.stringify(g)).toBe('BAD_INPUT');
    }
  });
});

describe('exports through a profile', () => {
  it('refuses a recipient class the survivor did not consent to, and one the profile is not for', async () => {
    const dir = dirs.make('keys');
    const tribunal = ageKeygen(dir, 'tribunal.txt');
    await v.addRecipient(tribunal.publicKey, 'special_tribunal', 'Трибунал');
    const ngo = ageKeygen(dir, 'ngo.txt');
    await v.addRecipient(ngo.publicKey, 'ngo', 'НУО');
    const out = dirs.make('out');
    const exportTo = (key: string, profile?: string) =>
      catchAppError(() =>
        v.t.api.services.exports.exportBundle({
          testimonyIds: [main.id],
          recipients: [key],
          outDir: out,
          ...(profile ? { profile } : {}),
        }),
      );
    const noConsent = await exportTo(tribunal.publicKey, 'redacted');
    expect(noConsent.code).toBe('CONSENT_REQUIRED');
    expect(noConsent.message).toContain('special_tribunal');
    const fullToNgo = await exportTo(ngo.publicKey);
    expect(fullToNgo.code).toBe('PROFILE_NOT_ALLOWED');
    expect(fullToNgo.message).toContain('ngo');
    expect((await exportTo(ngo.publicKey, 'no-such-profile')).code).toBe('NOT_FOUND');
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a redacted export while a marked span points at text changed since', async () => {
    const t = await v.addTestimony({ scopes: [...STORE_SCOPES, 'share_ngo'] });
    const start = NARRATIVE.indexOf('Грім');
    ok(await add(t.id, { kind: 'span', field: 'narrative', revision: 1, start, end: start + 4 }));
    ok(
      await v.t.call('testimony:saveNarrative', {
        id: t.id,
        narrative: `Доповнено. ${NARRATIVE}`,
        baseRevision: 1,
      }),
    );
    const state = ok(await v.t.call('redaction:state', { testimonyId: t.id }));
    expect(state.stale).toEqual([
      expect.objectContaining({ reason: 'revision_changed', currentRevision: 2 }),
    ]);
    const ngo = ageKeygen(dirs.make('ngo2'));
    await v.addRecipient(ngo.publicKey, 'ngo', 'НУО 2');
    const out = dirs.make('out-stale');
    const error = await catchAppError(() =>
      v.t.api.services.exports.exportBundle({
        testimonyIds: [t.id],
        recipients: [ngo.publicKey],
        outDir: out,
        profile: 'redacted',
      }),
    );
    expect(error.code).toBe('REDACTION_STALE');
    expect(readdirSync(out)).toEqual([]);
  });

  it('a span survives edits that move none of its letters, and only those', async () => {
    const t = await v.addTestimony({ scopes: [...STORE_SCOPES, 'share_ngo'] });
    const start = NARRATIVE.indexOf('Грім');
    ok(await add(t.id, { kind: 'span', field: 'narrative', revision: 1, start, end: start + 4 }));
    // Section D's answers are not identifying: the Redacted profile keeps them, spans and all.
    const D = (recordings: string, translation: string) => ({
      recordings: { state: 'answered' as const, value: recordings },
      translation: { state: 'answered' as const, value: translation },
    });
    ok(
      await v.t.call('interview:saveSection', {
        testimonyId: t.id,
        sectionId: 'D',
        answers: D('Запис у Гнатюка вдома', 'без перекладу'),
        baseRevision: 0,
      }),
    );
    ok(await add(t.id, { kind: 'span', field: 'D.recordings', revision: 1, start: 8, end: 15 }));
    const save = async (narrative: string, answers: ReturnType<typeof D>) => {
      const now = ok(await v.t.call('redaction:state', { testimonyId: t.id }));
      ok(
        await v.t.call('testimony:saveNarrative', {
          id: t.id,
          narrative,
          baseRevision: now.revisions.narrative,
        }),
      );
      ok(
        await v.t.call('interview:saveSection', {
          testimonyId: t.id,
          sectionId: 'D',
          answers,
          baseRevision: now.revisions.sections['D'] ?? 0,
        }),
      );
      return ok(await v.t.call('redaction:state', { testimonyId: t.id }));
    };
    const recordings = (state: { redacted: { sections: Record<string, unknown> } }) =>
      JSON.stringify((state.redacted.sections['D'] as Record<string, unknown>)['recordings']);
    // Text added after the span, and another answer of section D changed: both still apply.
    const kept = await save(`${NARRATIVE} Потім відпустили.`, D('Запис у Гнатюка вдома', 'усний'));
    expect(kept.stale).toEqual([]);
    expect(kept.redacted.narrative.text).toContain('позивним «[REDACTED: name]»');
    expect(kept.redacted.narrative.text).toContain('Потім відпустили.');
    expect(recordings(kept)).toContain('Запис у [REDACTED: name] вдома');
    // The marked answer itself changed before the span: that span (only) is stale.
    const moved = await save(
      `${NARRATIVE} Потім відпустили.`,
      D('Аудіозапис у Гнатюка вдома', 'усний'),
    );
    expect(moved.stale).toHaveLength(1);
    expect(moved.stale[0]).toMatchObject({ reason: 'revision_changed' });
    expect(moved.redacted.narrative.text).toContain('позивним «[REDACTED: name]»');
    expect(recordings(moved)).toContain('Гнатюка');
  });

  it('custom profiles are stored, listed, found by name, and refused twice', async () => {
    const input = {
      name: { uk: 'Лише імена', en: 'Names only' },
      recipientClasses: ['ngo' as const],
      sensitivity: {
        identifying: 'keep' as const,
        location: 'keep' as const,
        medical: 'keep' as const,
        sexual_violence: 'remove' as const,
        other: 'keep' as const,
      },
      categories: {
        name: 'remove' as const,
        place: 'keep' as const,
        unit: 'keep' as const,
        contact: 'keep' as const,
        medical: 'keep' as const,
        other: 'keep' as const,
      },
    };
    const made = ok(await v.t.call('redaction:addProfile', input));
    expect(made.id).toMatch(/^custom-[0-9a-f]{8}$/);
    const listed = ok(await v.t.call('redaction:profiles', {}));
    expect(listed.profiles.map((p) => p.id)).toEqual(['full', 'redacted', made.id]);
    expect(v.t.api.services.redactions.profile('names only').id).toBe(made.id);
    expect(err(await v.t.call('redaction:addProfile', input)).code).toBe('CONFLICT');
    const state = ok(await v.t.call('redaction:state', { testimonyId: main.id, profile: made.id }));
    // Names go ('Олена' is in the set; 'Грищенко' was removed from it), places stay.
    expect(state.redacted.narrative.text).toContain('підвалі');
    expect(state.redacted.sections.C?.name_uk).toEqual({
      state: 'answered',
      value: 'Грищенко [REDACTED: name]',
    });
  });
});
