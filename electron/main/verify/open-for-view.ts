/**
 * `openBundle` for the app's window: the recipient's age key file is read here, in main, and
 * never crosses to the renderer; the answer is cut to the bounds of the IPC table
 * (shared/opened-bundle.ts), saying how much was cut.
 */
import { open } from 'node:fs/promises';
import { AppError } from '../../../shared/errors';
import {
  MAX_SHOWN_CHECKS,
  MAX_SHOWN_FILES,
  MAX_SHOWN_TESTIMONIES,
  type OpenedBundleView,
} from '../../../shared/opened-bundle';
import { identityLines } from '../bundles';
import type { AnswerSection } from './answer-rows';
import { openBundle } from './open-bundle';

/** An age key file is a few lines; a larger file is not one. */
const MAX_IDENTITY_FILE_BYTES = 64 * 1024;

export async function openBundleForView(options: {
  readonly bundlePath: string;
  readonly identityPath: string;
  readonly pubkey?: string;
}): Promise<OpenedBundleView> {
  const identity = await readIdentityFile(options.identityPath);
  const { report, contents } = await openBundle({
    bundlePath: options.bundlePath,
    identity,
    ...(options.pubkey === undefined ? {} : { pubkey: options.pubkey }),
  });
  return {
    opened: true,
    report: {
      bundleId: report.bundleId,
      verdict: report.verdict,
      pinned: report.pinned,
      keyId: report.keyId,
      checks: report.checks
        .slice(0, MAX_SHOWN_CHECKS)
        .map((c) => ({ name: c.name, ok: c.ok, detail: clip(c.detail, 4000) })),
      checksOmitted: Math.max(0, report.checks.length - MAX_SHOWN_CHECKS),
    },
    contents: {
      bundleId: contents.bundleId,
      verified: contents.verified,
      testimonies: contents.testimonies.slice(0, MAX_SHOWN_TESTIMONIES).map((t) => ({
        recordCode: clip(t.recordCode, 200),
        readable: t.readable,
        templateId: t.templateId,
        templateVersion: t.templateVersion,
        createdAt: t.createdAt,
        updatedAt: t.updatedAt,
        narrative: t.narrative,
        consent: t.consent && {
          granted: [...t.consent.granted],
          withdrawn: [...t.consent.withdrawn],
        },
        answers: t.answers && t.answers.map(clipSection),
        attachments: t.attachments.map((a) => ({
          fileName: clip(a.fileName, 4096),
          size: a.size,
          sha256: a.sha256,
          bagSha256: a.bagSha256,
        })),
      })),
      files: contents.files
        .slice(0, MAX_SHOWN_FILES)
        .map((f) => ({ path: clip(f.path, 4096), size: f.size, sha256: f.sha256 })),
      filesOmitted: Math.max(0, contents.files.length - MAX_SHOWN_FILES),
    },
  };
}

/** The key file's text, checked to hold only age secret keys before any bundle byte is read. */
async function readIdentityFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile() || stats.size > MAX_IDENTITY_FILE_BYTES) {
        throw new AppError('IDENTITY_INVALID', 'The key file is not an age key file');
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('FILE_UNREADABLE', 'The key file cannot be read');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('IDENTITY_INVALID', 'The key file is not text');
  }
  if (!identityLines(text).every((line) => line.startsWith('AGE-SECRET-KEY-'))) {
    throw new AppError('IDENTITY_INVALID', 'The key file holds something other than age keys');
  }
  return text;
}

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

type ShownSection = NonNullable<
  OpenedBundleView['contents']['testimonies'][number]['answers']
>[number];

function clipSection(section: AnswerSection): ShownSection {
  const both = (t: { uk: string; en: string }, max: number) => ({
    uk: clip(t.uk, max),
    en: clip(t.en, max),
  });
  return {
    id: clip(section.id, 4),
    title: both(section.title, 400),
    rows: section.rows.map((r) => ({
      label: both(r.label, 4000),
      state: r.state,
      text: both(r.text, 400_000),
    })),
  };
}
