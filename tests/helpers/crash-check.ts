/**
 * What the crash test checks after every kill. `collectFacts` runs in whichever process reopened
 * the vault (the next child, or the parent at the end) and only reports what it reads from the
 * database; `judgeFacts` runs in the parent and compares those facts with the saves that were
 * acknowledged. The reading is raw SQL on the vault's own handle, not the store's methods, so a
 * bug in the store cannot hide itself.
 */
import { createHash } from 'node:crypto';
import type { Api } from '../../electron/main/api';

export interface VaultFacts {
  /** The rows of PRAGMA integrity_check: ['ok'] when the database is sound. */
  readonly integrity: string[];
  /** Every revision of the testimony: [seq, stored content_hash, SHA-256 of the stored text]. */
  readonly revisions: Array<[number, string, string]>;
  readonly custody: CustodyFact;
}

export type CustodyFact =
  | {
      readonly kind: 'verified';
      readonly ok: boolean;
      readonly entries: number;
      readonly detail: string;
    }
  | { readonly kind: 'error'; readonly code: string };

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Reads the facts from an unlocked vault. */
export async function collectFacts(api: Api, testimonyId: string): Promise<VaultFacts> {
  const db = api.vault.database();
  const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
    (row) => row.integrity_check,
  );
  const rows = db
    .prepare(
      `SELECT seq, content_hash, narrative FROM testimony_revision
        WHERE testimony_id = ? ORDER BY seq`,
    )
    .all(testimonyId) as Array<{ seq: number; content_hash: string; narrative: string }>;
  const revisions = rows.map((r): [number, string, string] => [
    r.seq,
    r.content_hash,
    sha256Hex(r.narrative),
  ]);
  return { integrity, revisions, custody: await custodyFact(api) };
}

async function custodyFact(api: Api): Promise<CustodyFact> {
  const result = await api.dispatch('custody:verify', {});
  if (result.ok) {
    const report = result.value as { ok: boolean; entries: number; firstBad: unknown };
    return {
      kind: 'verified',
      ok: report.ok,
      entries: report.entries,
      detail: JSON.stringify(report.firstBad),
    };
  }
  return { kind: 'error', code: result.error.code };
}

/**
 * Every way the facts fall short of the acknowledged saves (`acked`: revision -> SHA-256 of the
 * text the child sent), as readable sentences; empty when all is well.
 */
export function judgeFacts(facts: VaultFacts, acked: ReadonlyMap<number, string>): string[] {
  const problems: string[] = [];
  if (facts.integrity.length !== 1 || facts.integrity[0] !== 'ok') {
    problems.push(`integrity_check: ${facts.integrity.slice(0, 5).join('; ')}`);
  }
  const stored = new Map<number, [string, string]>();
  facts.revisions.forEach(([seq, contentHash, textHash], i) => {
    if (seq !== i + 1) problems.push(`revision ${i + 1} is missing (found ${seq} in its place)`);
    stored.set(seq, [contentHash, textHash]);
  });
  const latest = facts.revisions.at(-1)?.[0] ?? 0;
  const lastAcked = Math.max(0, ...acked.keys());
  if (latest < lastAcked) {
    problems.push(`latest stored revision is ${latest}, but ${lastAcked} was acknowledged`);
  }
  for (const [seq, hash] of acked) {
    const row = stored.get(seq);
    if (!row) problems.push(`acknowledged revision ${seq} is not stored`);
    else if (row[0] !== hash)
      problems.push(`revision ${seq}: stored content_hash differs from the acknowledged text`);
    else if (row[1] !== hash)
      problems.push(`revision ${seq}: stored text differs from the acknowledged text`);
  }
  if (facts.custody.kind === 'verified' && !facts.custody.ok) {
    problems.push(
      `custody chain fails at ${facts.custody.detail} (${facts.custody.entries} entries)`,
    );
  }
  if (facts.custody.kind === 'error') problems.push(`custody:verify failed: ${facts.custody.code}`);
  return problems;
}
