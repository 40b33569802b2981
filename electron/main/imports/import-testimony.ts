/**
 * Imports a testimony.json: creates the testimony, records section B (consent) first, then the
 * other sections and the narrative — all in ONE transaction, so a file refused halfway (no
 * consent, an invalid answer, a duplicate record code, a full disk) leaves nothing behind: no
 * testimony, no revision, no custody entry. Each step goes through the same store method, with
 * the same checks and gates, as a save from the app. A 'testimony.imported' entry, in the same
 * transaction, names the source file by its SHA-256 and size (never its text).
 */
import { AppError } from '../../../shared/errors';
import { CONSENT_SECTION, consentStatus } from '../../../shared/forms/consent';
import { CURRENT_TEMPLATE, getTemplate } from '../../../shared/forms/templates';
import type { TestimonyJson } from '../../../shared/testimony-json';
import type { CustodyRecorder } from '../custody';
import { toStorageError } from '../files';
import type { InterviewStore } from '../interviews';
import type { TestimonyStore, TestimonySummary } from '../testimonies';
import type { Db } from '../vault';

export interface ImportDeps {
  readonly db: () => Db;
  readonly testimonies: TestimonyStore;
  readonly interviews: InterviewStore;
  readonly custody: CustodyRecorder;
}

/** The file the testimony came from, as custody records it. */
export interface ImportSource {
  /** SHA-256 (hex) of the file's bytes as read. */
  readonly sha256: string;
  readonly bytes: number;
}

export function importTestimony(
  deps: ImportDeps,
  data: TestimonyJson,
  source: ImportSource,
): TestimonySummary {
  const sections = data.sections ?? {};
  const others = Object.keys(sections).filter((id) => id !== CONSENT_SECTION);
  // Refused before anything is written, with a message that says what the file lacks.
  if ((data.narrative !== '' || others.length > 0) && !consentStatus(sections.B).canStore) {
    throw new AppError(
      'CONSENT_REQUIRED',
      'The file records no consent to the interview and to storing identifying data ' +
        '(sections.B); nothing was imported',
    );
  }
  const template = data.template ?? CURRENT_TEMPLATE;
  const known = getTemplate(template.id, template.version);
  if (!known) throw new AppError('BAD_INPUT', 'The file names a template this Svidok lacks');
  const order = known.sections.map((s) => s.id);
  // Unknown section ids go last; saving one fails with INVALID_ANSWER and undoes the import.
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  others.sort((a, b) => rank(a) - rank(b));

  const db = deps.db();
  const run = db.transaction((): TestimonySummary => {
    const created = deps.testimonies.create(data.recordCode, {
      id: known.id,
      version: known.version,
    });
    deps.custody.record(
      'testimony.imported',
      { testimonyId: created.id },
      { sha256: source.sha256, bytes: source.bytes, sections: Object.keys(sections).length },
    );
    const b = sections.B;
    if (b) deps.interviews.saveSection(created.id, CONSENT_SECTION, b, 0);
    for (const id of others) deps.interviews.saveSection(created.id, id, sections[id] ?? {}, 0);
    if (data.narrative !== '') deps.testimonies.saveNarrative(created.id, data.narrative, 0);
    const { narrative: _text, revision: _revision, ...summary } = deps.testimonies.get(created.id);
    return summary;
  });
  try {
    return run();
  } catch (error) {
    throw toStorageError(error);
  }
}
