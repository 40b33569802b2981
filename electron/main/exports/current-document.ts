/**
 * The testimony.json a bundle would carry if it were sealed now, with the bag paths its
 * attachments would take: what redaction previews, checks and suggests against. Read from the
 * stores without a custody entry; the caller that shows it records the view.
 */
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';
import type { Template } from '../../../shared/forms/template';
import type { AttachmentStore } from '../attachments';
import { bagPayloadPath } from '../bundles';
import type { InterviewStore } from '../interviews';
import type { RegisterStore } from '../registers';
import type { TestimonyStore } from '../testimonies';
import { AppError } from '../../../shared/errors';
import { uniqueName } from './bag-content-names';
import type { TestimonyParts } from './bag-content';
import { testimonyDocument } from './testimony-document';
import type { DocumentInput } from './testimony-document';

export interface CurrentDocumentDeps {
  readonly testimonies: Pick<TestimonyStore, 'get'>;
  readonly interviews: Pick<InterviewStore, 'get'>;
  readonly registers: Pick<RegisterStore, 'list'>;
  readonly attachments: Pick<AttachmentStore, 'list'>;
  readonly template: (id: string, version: number) => Template | undefined;
}

export interface CurrentDocument {
  readonly document: TestimonyJsonV2;
  /** Each saved section's latest revision, which span redactions in it are anchored to. */
  readonly sectionRevisions: Record<string, number>;
  readonly template: Template;
}

export function currentDocument(deps: CurrentDocumentDeps, testimonyId: string): CurrentDocument {
  return draftDocument(
    {
      testimony: deps.testimonies.get(testimonyId),
      interview: deps.interviews.get(testimonyId),
      attachments: deps.attachments.list(testimonyId),
    },
    deps.registers.list(),
    deps.template,
  );
}

/** The same, from parts the caller has read already (an export reads them to check consent). */
export function draftDocument(
  { testimony, interview, attachments }: TestimonyParts,
  registers: DocumentInput['registers'],
  templateOf: CurrentDocumentDeps['template'],
): CurrentDocument {
  const template = templateOf(interview.templateId, interview.templateVersion);
  if (!template) throw new AppError('INTERNAL', 'The testimony’s template is not known');
  const folder = `data/testimonies/${bagPayloadPath(testimony.recordCode)}/attachments`;
  const names = new Set<string>();
  const planned = attachments.map((a) => ({
    id: a.id,
    fileName: a.fileName,
    size: a.size,
    sha256: a.sha256,
    path: `${folder}/${uniqueName(a.fileName, names)}`,
  }));
  const sectionRevisions: Record<string, number> = {};
  for (const [id, state] of Object.entries(interview.sections)) {
    if (state.revision > 0) sectionRevisions[id] = state.revision;
  }
  const document = testimonyDocument({
    testimony,
    interview,
    template,
    registers,
    attachments: planned,
  });
  return { document, sectionRevisions, template };
}
