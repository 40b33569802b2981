/**
 * What an opened bundle holds, for the app's read-only view: its files (path, size, SHA-256) and
 * each testimony as testimony.json tells it. Read from the in-memory view after the checks ran,
 * whatever they found: a failed report still shows what was read, and `verified` says whether it
 * may be trusted.
 */
import type { Template } from '../../../shared/forms/template';
import { testimonyJsonV2Schema } from '../../../shared/testimony-json';
import type { BagView } from '../bundles';
import { type AnswerSection, answerRows, type BundledSections } from './answer-rows';
import { readSmallText } from './lines';

export interface OpenedAttachment {
  readonly fileName: string;
  readonly size: number;
  /** As testimony.json lists it (the intake hash). */
  readonly sha256: string;
  readonly path: string;
  /** The SHA-256 of the file in the bag as read, or null when it is not there. */
  readonly bagSha256: string | null;
}

export interface OpenedTestimony {
  /** data/testimonies/<code>: where it is in the bag. */
  readonly folder: string;
  readonly recordCode: string;
  /** testimony.json parsed as svidok.testimony/2; when false only the record code is known. */
  readonly readable: boolean;
  readonly templateId: string | null;
  readonly templateVersion: number | null;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  readonly narrative: string;
  readonly consent: {
    readonly granted: readonly string[];
    readonly withdrawn: readonly string[];
  } | null;
  /** The raw answers and the template the bundle carries, for whoever wants more than rows. */
  readonly sections: BundledSections;
  readonly template: Template | null;
  /** The answers worded for reading; null when the carried template does not fit. */
  readonly answers: readonly AnswerSection[] | null;
  readonly attachments: readonly OpenedAttachment[];
}

export interface BundleContents {
  readonly bundleId: string | null;
  /** Every check passed: unless true, everything here is what the bundle claims, unproven. */
  readonly verified: boolean;
  readonly testimonies: readonly OpenedTestimony[];
  readonly files: ReadonlyArray<{ path: string; size: number; sha256: string }>;
}

const MAX_TESTIMONY_JSON_BYTES = 8 * 1024 * 1024;
const ROOT = 'data/testimonies';

export async function readContents(view: BagView): Promise<OpenedTestimony[]> {
  const out: OpenedTestimony[] = [];
  // Only files the listing holds are looked up: testimony.json's paths are outside input.
  const { files } = await view.listing();
  for (const code of await view.folders(ROOT)) {
    const folder = `${ROOT}/${code}`;
    const text = await readSmallText(view, `${folder}/testimony.json`, MAX_TESTIMONY_JSON_BYTES);
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = testimonyJsonV2Schema.safeParse(json);
    if (!parsed.success) {
      out.push(unreadable(folder, code));
      continue;
    }
    const doc = parsed.data;
    // Checked by shape only (the schema keeps it loose): answerRows refuses what does not fit.
    const template = doc.templateDefinition as unknown as Template;
    const attachments: OpenedAttachment[] = [];
    for (const a of doc.attachments) {
      const digests = files.has(a.path) ? await view.digests(a.path) : 'not in the bag';
      attachments.push({
        fileName: a.fileName,
        size: a.size,
        sha256: a.sha256,
        path: a.path,
        bagSha256: typeof digests === 'string' ? null : digests.sha256,
      });
    }
    out.push({
      folder,
      recordCode: doc.recordCode,
      readable: true,
      templateId: doc.template.id,
      templateVersion: doc.template.version,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
      narrative: doc.narrative.text,
      consent: { granted: doc.consent.granted, withdrawn: doc.consent.withdrawn },
      sections: doc.sections,
      template,
      answers: answerRows(template, doc.sections, doc.registers),
      attachments,
    });
  }
  return out;
}

function unreadable(folder: string, code: string): OpenedTestimony {
  return {
    folder,
    recordCode: code,
    readable: false,
    templateId: null,
    templateVersion: null,
    createdAt: null,
    updatedAt: null,
    narrative: '',
    consent: null,
    sections: {},
    template: null,
    answers: null,
    attachments: [],
  };
}
