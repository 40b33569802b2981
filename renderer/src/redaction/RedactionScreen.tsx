/**
 * "Redact for sharing": the original on the left, where passages, whole answers and names
 * everywhere are marked; on the right the shared copy as an export through the chosen profile
 * writes it. The original in the vault is never changed: redactions are a layer over it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/forms/templates';
import { ErrorNote } from '../app/ErrorNote';
import { useLocalText } from '../interview/local-text';
import { ConsentBadge } from '../testimony/ConsentBadge';
import { AttachmentsRedaction } from './AttachmentsRedaction';
import { documentEntries, spanText } from './document-entries';
import { EntityForm } from './EntityForm';
import { OriginalPane } from './OriginalPane';
import { PreviewPane } from './PreviewPane';
import { NewProfileButton } from './ProfileForm';
import { RedactionList } from './RedactionList';
import { StaleNotice } from './StaleNotice';
import { SuggestionList } from './SuggestionList';
import { useRedaction } from './use-redaction';

export function RedactionScreen({
  testimonyId,
  onBack,
}: {
  testimonyId: string;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  // The preview starts with the profile for wider sharing: that is what this screen is for.
  const [profile, setProfile] = useState('redacted');
  const api = useRedaction(testimonyId, profile);
  const { state } = api;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const template = state
    ? getTemplate(state.original.template.id, state.original.template.version)
    : undefined;

  // The heading takes the focus once, when the screen first has something to show.
  const focused = useRef(false);
  useEffect(() => {
    if (!state || focused.current) return;
    focused.current = true;
    headingRef.current?.focus();
  }, [state]);

  const entries = useMemo(
    () =>
      state && template ? documentEntries(template, state.original).flatMap((s) => s.entries) : [],
    [state, template],
  );
  const labelOf = useCallback(
    (path: string) => {
      if (path === 'narrative') return t('redaction.narrative');
      if (path.startsWith('events[')) return t('redaction.eventReason');
      const entry = entries.find((e) => e.path === path);
      if (!entry) return path;
      const label = lt(entry.field.label);
      return entry.kind === 'leaf' && entry.item
        ? `${t('field.group.item', { item: lt(entry.item.group.itemLabel), n: entry.item.n })} · ${label}`
        : label;
    },
    [entries, lt, t],
  );
  const textOf = useCallback(
    (path: string) => {
      if (path === 'narrative') return state?.original.narrative.text ?? null;
      const entry = entries.find((e) => e.path === path);
      return entry ? spanText(entry) : null;
    },
    [entries, state],
  );

  if (api.loadError && !state) {
    return (
      <div className="load-failed">
        <ErrorNote code={api.loadError} />
        <button type="button" onClick={onBack}>
          {t('redaction.back')}
        </button>
      </div>
    );
  }
  if (!state) return <p className="muted">{t('app.loading')}</p>;
  if (!template) {
    return (
      <p className="error-note" role="alert">
        {t('interview.unknownTemplate', {
          id: state.original.template.id,
          version: state.original.template.version,
        })}
      </p>
    );
  }

  return (
    <article className="redaction-screen" aria-labelledby="redaction-title">
      <header className="redaction-head">
        <h1 id="redaction-title" ref={headingRef} tabIndex={-1}>
          {t('redaction.title')}: <span className="record-code">{state.original.recordCode}</span>{' '}
          <ConsentBadge
            summary={{
              consentGiven: state.original.consent.canStore,
              consentWithdrawn: state.original.consent.withdrawn.length > 0,
            }}
          />
        </h1>
        <button type="button" onClick={onBack}>
          ← {t('redaction.back')}
        </button>
      </header>
      <p className="section-intro">{t('redaction.intro')}</p>
      <StaleNotice count={state.stale.length} />
      {api.changeError && <ErrorNote code={api.changeError} />}
      {api.loadError && <ErrorNote code={api.loadError} />}
      <div className="redaction-tools redaction-tools-top">
        <EntityForm busy={api.busy} add={api.add} />
        <SuggestionList suggestions={api.suggestions} state={state} busy={api.busy} add={api.add} />
      </div>
      <div className="redaction-columns">
        <OriginalPane state={state} template={template} busy={api.busy} add={api.add} />
        <PreviewPane
          state={state}
          template={template}
          profiles={api.profiles}
          profile={profile}
          onProfile={setProfile}
          profileAction={
            <NewProfileButton
              onAdded={(added) => void api.refreshProfiles().then(() => setProfile(added.id))}
            />
          }
        />
      </div>
      <div className="redaction-tools">
        <AttachmentsRedaction
          testimonyId={testimonyId}
          state={state}
          busy={api.busy}
          changeError={api.changeError}
          add={api.add}
          remove={api.remove}
        />
        <RedactionList
          state={state}
          labelOf={labelOf}
          textOf={textOf}
          busy={api.busy}
          remove={api.remove}
        />
      </div>
    </article>
  );
}
