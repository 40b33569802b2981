/**
 * A fully filled interview, written through the API (the same dispatch the renderer uses): every
 * consent scope, the interviewer marked qualified, every section of the current template
 * answered (groups with two items), and a narrative of the given length.
 */
import type { Api } from '../../../electron/main/api';
import { CONSENT_SCOPES } from '../../../shared/forms/consent';
import { CURRENT_TEMPLATE } from '../../../shared/forms/templates';
import { recordConsent } from '../../helpers/consent';
import { createRng } from '../../helpers/prng';
import { sampleAnswers } from '../../helpers/template-answers';
import { prose } from '../../helpers/ukrainian-text';

async function must(api: Api, channel: string, input: unknown): Promise<unknown> {
  const result = await api.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value;
}

/** Ukrainian-like prose of exactly `chars` characters. */
export function narrativeOf(chars: number): string {
  const rng = createRng(7);
  let text = '';
  while (text.length < chars) text += prose(rng, 200) + '\n\n';
  return text.slice(0, chars);
}

export async function fillInterview(api: Api, recordCode: string, chars: number): Promise<string> {
  const { id } = (await must(api, 'testimony:create', { recordCode })) as { id: string };
  await recordConsent(api, id, CONSENT_SCOPES);
  await must(api, 'interview:event', { testimonyId: id, kind: 'session_started' });
  await must(api, 'interview:event', { testimonyId: id, kind: 'qualified_set', qualified: true });
  for (const section of CURRENT_TEMPLATE.sections) {
    if (section.id === 'B') continue;
    const answers = sampleAnswers(CURRENT_TEMPLATE, section);
    await must(api, 'interview:saveSection', {
      testimonyId: id,
      sectionId: section.id,
      answers,
      baseRevision: 0,
    });
  }
  await must(api, 'testimony:saveNarrative', {
    id,
    narrative: narrativeOf(chars),
    baseRevision: 0,
  });
  return id;
}
