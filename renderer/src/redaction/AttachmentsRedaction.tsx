/**
 * Attachments in the shared copy: each can be left out, and an image can have areas blacked out
 * (main renders them into a new copy without metadata). One blackout redaction per image: saving
 * new boxes replaces the old ones.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlackoutRegion } from '../../../shared/redaction/model';
import { RegionEditor } from './RegionEditor';
import type { NewRedaction, RedactionState } from './use-redaction';

/** The kinds main's image redaction takes (IMAGE_UNSUPPORTED otherwise). */
const IMAGE = /\.(?:jpe?g|png|webp|tiff?|gif|avif)$/i;

export function AttachmentsRedaction({
  testimonyId,
  state,
  busy,
  changeError,
  add,
  remove,
}: {
  testimonyId: string;
  state: RedactionState;
  busy: boolean;
  changeError: string | null;
  add: (redaction: NewRedaction) => Promise<boolean>;
  remove: (redactionId: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState<string | null>(null);
  const attachments = state.original.attachments;
  const ruleOf = (attachmentId: string, action: 'exclude' | 'blackout') =>
    state.redactions.find(
      ({ redaction: r }) =>
        r.kind === 'attachment' && r.attachmentId === attachmentId && r.action === action,
    )?.redaction;

  const editingAttachment = attachments.find((a) => a.id === editing);
  const editingRule = editing ? ruleOf(editing, 'blackout') : undefined;

  return (
    <section className="redaction-attachments" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('redaction.attachmentsTitle')}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t('redaction.noAttachments')}</p>
      ) : (
        <ul className="redaction-attachment-list">
          {attachments.map((a) => {
            const exclude = ruleOf(a.id, 'exclude');
            const blackout = ruleOf(a.id, 'blackout');
            const regions =
              blackout?.kind === 'attachment' && blackout.action === 'blackout'
                ? blackout.regions.length
                : 0;
            return (
              <li key={a.id} data-attachment={a.id}>
                <span className="attachment-name" id={`${id}-${a.id}`} lang="">
                  {a.fileName}
                </span>
                <span className="check">
                  <input
                    id={`${id}-${a.id}-x`}
                    type="checkbox"
                    checked={exclude !== undefined}
                    aria-describedby={`${id}-${a.id}`}
                    onChange={(e) => {
                      if (busy) return;
                      if (e.target.checked)
                        void add({
                          kind: 'attachment',
                          attachmentId: a.id,
                          action: 'exclude',
                          category: 'other',
                        });
                      else if (exclude) void remove(exclude.id);
                    }}
                  />
                  <label htmlFor={`${id}-${a.id}-x`}>{t('redaction.exclude')}</label>
                </span>
                {IMAGE.test(a.fileName) && !exclude && (
                  <>
                    {regions > 0 && (
                      <span className="tag">{t('redaction.regionsSaved', { count: regions })}</span>
                    )}
                    <button
                      type="button"
                      aria-describedby={`${id}-${a.id}`}
                      onClick={() => setEditing(a.id)}
                    >
                      {t('redaction.blackout')}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editing && editingAttachment && (
        <RegionEditor
          testimonyId={testimonyId}
          attachmentId={editing}
          name={editingAttachment.fileName}
          initial={
            editingRule?.kind === 'attachment' && editingRule.action === 'blackout'
              ? editingRule.regions
              : []
          }
          saveError={changeError}
          onClose={() => setEditing(null)}
          onSave={async (regions: BlackoutRegion[]) => {
            const ok = await add({
              kind: 'attachment',
              attachmentId: editing,
              action: 'blackout',
              category: 'other',
              regions,
            });
            // The new boxes first, then the old set: never a moment with neither.
            if (ok && editingRule) await remove(editingRule.id);
            return ok;
          }}
        />
      )}
    </section>
  );
}
