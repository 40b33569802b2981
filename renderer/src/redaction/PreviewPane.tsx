/**
 * The right side: the shared copy exactly as an export through the chosen profile would write
 * its testimony.json, computed by main. Tokens are styled so they stand out; the original text of
 * what was removed is not in this pane at all, not even hidden.
 */
import { useId, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_SECTION } from '../../../shared/forms/consent';
import type { Template } from '../../../shared/forms/template';
import { keepsEverything } from '../../../shared/redaction/profiles';
import { useLocalText, useUiLanguage } from '../interview/local-text';
import { answerWords } from './answer-words';
import { documentEntries } from './document-entries';
import type { Profile, RedactionState } from './use-redaction';
import { TokenText } from './TokenText';

export function PreviewPane({
  state,
  template,
  profiles,
  profile,
  onProfile,
  profileAction,
}: {
  state: RedactionState;
  template: Template;
  profiles: readonly Profile[];
  profile: string;
  onProfile: (id: string) => void;
  /** Beside the profile choice: "New profile…". */
  profileAction?: ReactNode;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const lang = useUiLanguage();
  const id = useId();
  // Main previews the marks even under a profile that keeps everything; an export through it
  // writes the original, so that is what is shown, and said.
  const keepsAll = keepsEverything(state.profile);
  const doc = keepsAll ? state.original : state.redacted;
  const sections = useMemo(() => documentEntries(template, doc), [template, doc]);
  const ctx = { lang, t, template, registers: doc.registers };
  const kept = new Set(doc.attachments.map((a) => a.id));
  const blackedOut = new Set(
    (keepsAll ? [] : state.redactions).flatMap(({ redaction: r }) =>
      r.kind === 'attachment' && r.action === 'blackout' ? [r.attachmentId] : [],
    ),
  );
  const choices = profiles.length > 0 ? profiles : [state.profile];

  return (
    <section className="redaction-pane redaction-preview" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('redaction.previewTitle')}</h2>
      <div className="redaction-preview-options">
        <span className="redaction-control">
          <label htmlFor={`${id}-profile`}>{t('redaction.profile')}</label>
          <select id={`${id}-profile`} value={profile} onChange={(e) => onProfile(e.target.value)}>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name[lang]}
              </option>
            ))}
          </select>
        </span>
        {profileAction}
        <p className="help">{t('redaction.previewNote')}</p>
        {keepsAll && (
          <p className="banner banner-keeps-all" role="status">
            {t('redaction.keepsEverything')}
          </p>
        )}
        <p className="redaction-counts" role="status" hidden={keepsAll}>
          {t('redaction.counts', {
            spans: state.counts.spans ?? 0,
            fields: state.counts.fields ?? 0,
            hits: state.counts.entityHits ?? 0,
            excluded: state.counts.attachmentsExcluded ?? 0,
          })}
        </p>
      </div>
      <div className="redaction-output" data-testid="redaction-output" lang="">
        <h3>{t('redaction.narrative')}</h3>
        <p className="redaction-output-text">
          {doc.narrative.text ? (
            <TokenText text={doc.narrative.text} />
          ) : (
            <span className="muted">{t('redaction.emptyNarrative')}</span>
          )}
        </p>
        {sections.map(({ section, entries }) => {
          const answers = (
            <dl className="redaction-output-answers">
              {entries.map((entry) =>
                entry.kind === 'group' ? (
                  entry.answer.state === 'answered' ? null : (
                    <div key={entry.path}>
                      <dt>{lt(entry.field.label)}</dt>
                      <dd>
                        {/* Unknown, declined or removed whole: no item field is read. */}
                        <TokenText text={answerWords(ctx, entry.field.fields[0]!, entry.answer)} />
                      </dd>
                    </div>
                  )
                ) : (
                  <div key={entry.path}>
                    <dt>
                      {entry.item &&
                        `${t('field.group.item', { item: lt(entry.item.group.itemLabel), n: entry.item.n })} · `}
                      {lt(entry.field.label)}
                    </dt>
                    <dd className="redaction-output-text">
                      <TokenText text={answerWords(ctx, entry.field, entry.answer)} />
                    </dd>
                  </div>
                ),
              )}
            </dl>
          );
          const title = `${section.id}. ${lt(section.title)}`;
          // The consent goes out as recorded (codes and dates): folded, so it does not bury the
          // texts that matter here.
          return section.id === CONSENT_SECTION ? (
            <details key={section.id} className="redaction-section">
              <summary>{title}</summary>
              {answers}
            </details>
          ) : (
            <section key={section.id} className="redaction-section">
              <h3>{title}</h3>
              {answers}
            </section>
          );
        })}
        {state.original.attachments.length > 0 && (
          <>
            <h3>{t('redaction.attachmentsTitle')}</h3>
            <ul className="redaction-output-attachments">
              {state.original.attachments.map((a, i) => {
                const out = doc.attachments.find((x) => x.id === a.id);
                return kept.has(a.id) && out ? (
                  <li key={a.id}>
                    <TokenText text={out.fileName} />
                    {blackedOut.has(a.id) && (
                      <span className="tag">{t('redaction.blackedOutTag')}</span>
                    )}
                  </li>
                ) : (
                  // Not even its name: a file name can carry the very name that was redacted.
                  <li key={a.id} className="redaction-excluded">
                    {t('redaction.attachmentN', { n: i + 1 })}{' '}
                    <span className="tag">{t('redaction.excludedTag')}</span>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
