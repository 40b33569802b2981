/** The redaction channels (shared/ipc-redaction.ts), implemented by the redaction service. */
import type { RedactionService } from '../redaction';
import type { Handlers } from './dispatch';

type RedactionChannel =
  | 'redaction:state'
  | 'redaction:add'
  | 'redaction:remove'
  | 'redaction:suggest'
  | 'redaction:profiles'
  | 'redaction:addProfile'
  | 'redaction:imagePreview';

export function redactionHandlers(redactions: RedactionService): Pick<Handlers, RedactionChannel> {
  return {
    'redaction:state': ({ testimonyId, profile }) => {
      const state = redactions.state(testimonyId, profile ?? 'redacted');
      // The template travels in bundles; the renderer has it already.
      const { templateDefinition: _o, ...original } = state.original;
      const { templateDefinition: _r, ...redacted } = state.redacted;
      return {
        ...state,
        original,
        redacted,
        stale: state.stale.map((s) => ({
          redactionId: s.redaction.id,
          reason: s.reason,
          ...(s.currentRevision === undefined ? {} : { currentRevision: s.currentRevision }),
        })),
        counts: { ...state.counts },
      };
    },
    'redaction:add': ({ testimonyId, redaction }) => redactions.add(testimonyId, redaction),
    'redaction:remove': ({ testimonyId, redactionId }) => {
      redactions.remove(testimonyId, redactionId);
      return { removed: true as const };
    },
    'redaction:suggest': ({ testimonyId }) => ({
      suggestions: redactions.suggestions(testimonyId).map((s) => ({
        text: s.text,
        category: s.category,
        source: s.source,
        ...(s.field === undefined ? {} : { field: s.field }),
      })),
    }),
    'redaction:profiles': () => ({ profiles: redactions.profiles() }),
    'redaction:addProfile': (profile) => redactions.addProfile(profile),
    'redaction:imagePreview': async ({ testimonyId, attachmentId }) => {
      const preview = await redactions.imagePreview(testimonyId, attachmentId);
      const { jpeg, ...size } = preview;
      return { dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}`, ...size };
    },
  };
}
