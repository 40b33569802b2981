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
import { testimonyDocument } from './testimony-document';

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
  const testimony = deps.testimonies.get(testimonyId);
  const interview = deps.interviews.get(testimonyId);
  const template = deps.template(interview.templateId, interview.templateVersion);
  if (!template) throw new AppError('INTERNAL', 'The testimony’s template is not known');
  const folder = `data/testimonies/${bagPayloadPath(testimony.recordCode)}/attachments`;
  const names = new Set<string>();
  const attachments = deps.attachments.list(testimonyId).map((a) => ({
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
    registers: deps.registers.list(),
    attachments,
  });
  return { document, sectionRevisions, template };
}
