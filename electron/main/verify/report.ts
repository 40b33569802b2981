/**
 * What `verifyBundle` answers: one result per check, in the order they ran, each naming the file
 * or the custody entry it is about, and a verdict that keeps "signed by the key inside the
 * bundle" apart from "signed by the key the recipient pinned".
 */
import type { CheckName } from '../../../shared/opened-bundle';

export type { CheckName };

export interface Check {
  readonly name: CheckName;
  readonly ok: boolean;
  /** Names the file or the custody entry (by seq) the result is about. */
  readonly detail: string;
}

/**
 * `verified`: every check passed and the signing key is the one given with --pubkey.
 * `verified-unpinned`: every check passed, but against the key the bundle carries itself, which
 * proves integrity, not origin: anyone who rebuilt the bundle could have put their own key in.
 */
export type Verdict = 'verified' | 'verified-unpinned' | 'failed';

export interface Report {
  /** The bag's top folder, once the archive was read far enough to know it. */
  readonly bundleId: string | null;
  readonly checks: readonly Check[];
  /** Every check passed (pinned or not: see `verdict`). */
  readonly ok: boolean;
  readonly pinned: boolean;
  readonly verdict: Verdict;
  /** The device key id (16 hex digits) the tag manifest is signed with, when it verified. */
  readonly keyId: string | null;
  /** Where the verified bag was written, when asked to. */
  readonly extractedTo: string | null;
}

export class Checks {
  readonly list: Check[] = [];
  add(name: CheckName, ok: boolean, detail: string): boolean {
    this.list.push({ name, ok, detail });
    return ok;
  }
  get ok(): boolean {
    return this.list.length > 0 && this.list.every((check) => check.ok);
  }
}
