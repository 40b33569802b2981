import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_SECTION } from '../../../shared/forms/consent';
import type { InterviewEventKind } from '../../../shared/forms/sessions';
import { deriveFlow } from '../../../shared/forms/sessions';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { matchShortcut, modalOpen } from '../app/shortcuts';
import { NarrativeEditor } from '../testimony/NarrativeEditor';
import { BreakOverlay } from './BreakOverlay';
import { ConsentNotice } from './ConsentNotice';
import type { FlowAction } from './FlowBar';
import { FlowBar } from './FlowBar';
import type { InterviewModel } from './interview-model';
import { QualifiedToggle } from './QualifiedToggle';
import { ReasonDialog } from './ReasonDialog';
import { NARRATIVE_PAGE, SectionNavigator } from './SectionNavigator';
import type { SkipNote } from './SectionPage';
import { SectionPage } from './SectionPage';
import { useConsent, useEvents } from './use-interview';
import { useLocalText } from './local-text';
import { WithdrawalBanner } from './WithdrawalBanner';

type Testimony = OutputOf<'testimony:get'>;
type Focus = 'none' | 'heading';

/** The section the free account belongs to: a skip on its page skips it. */
const NARRATIVE_SECTION = 'D';

/**
 * The guided interview: the flow bar, the sections (free account first) with their progress,
 * one page at a time. Until consent is recorded only section B can be edited.
 */
export function InterviewScreen({
  testimony,
  model,
  onConsentChanged,
  onSeal,
  onRedact,
}: {
  testimony: Testimony;
  model: InterviewModel;
  onConsentChanged: () => void;
  onSeal?: (() => void) | undefined;
  onRedact?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const { template } = model;
  const consent = useConsent(model);
  const events = useEvents(model);
  const flow = useMemo(() => deriveFlow(events), [events]);
  const [page, setPage] = useState<string>(() =>
    model.getConsent().canStore ? NARRATIVE_PAGE : CONSENT_SECTION,
  );
  const [dialog, setDialog] = useState<'skip' | 'stop' | null>(null);
  const [busy, setBusy] = useState(false);
  const [flowError, setFlowError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusAfter = useRef<Focus>('none');

  const svOpen = flow.qualified && consent.granted.includes('sexual_violence_questions');
  const sections = useMemo(
    () => template.sections.filter((s) => s.gate !== 'sexual_violence' || svOpen),
    [template, svOpen],
  );
  const pages = useMemo(() => [NARRATIVE_PAGE, ...sections.map((s) => s.id)], [sections]);
  // A page that became hidden (the sexual-violence section after a withdrawal) is left.
  const shown = pages.includes(page) ? page : NARRATIVE_PAGE;
  const section = sections.find((s) => s.id === shown);

  const skips = useMemo(() => {
    const map = new Map<string, SkipNote>();
    for (const session of flow.sessions)
      for (const skip of session.skipped) map.set(skip.sectionId, skip);
    return map;
  }, [flow]);
  const skippedIds = useMemo(() => new Set(skips.keys()), [skips]);

  // The list shows consent badges: tell it when consent changes.
  const consentKey = `${consent.canStore}|${consent.withdrawn.join()}`;
  const firstConsentKey = useRef(consentKey);
  useEffect(() => {
    if (consentKey !== firstConsentKey.current) {
      firstConsentKey.current = consentKey;
      onConsentChanged();
    }
  }, [consentKey, onConsentChanged]);

  const go = useCallback((next: string, focus: Focus = 'heading') => {
    focusAfter.current = focus;
    setPage(next);
  }, []);
  const selectFromNav = useCallback((next: string) => go(next, 'none'), [go]);
  // A new page starts at its top; moves other than a click in the navigator put the focus on
  // its heading.
  useEffect(() => {
    const focus = focusAfter.current;
    focusAfter.current = 'none';
    const heading = headingRef.current;
    if (!heading) return;
    if (heading.getBoundingClientRect().top < 0) heading.scrollIntoView({ block: 'start' });
    if (focus === 'heading') heading.focus();
  }, [shown]);

  const step = useCallback(
    (delta: number) => {
      const i = pages.indexOf(shown);
      const next = pages[Math.min(pages.length - 1, Math.max(0, i + delta))];
      if (next && next !== shown) go(next);
    },
    [pages, shown, go],
  );

  const record = useCallback(
    async (
      kind: InterviewEventKind,
      extra: { sectionId?: string; reason?: string; qualified?: boolean } = {},
    ) => {
      setBusy(true);
      setFlowError(null);
      const result = await model.event(kind, extra);
      setBusy(false);
      if (!result.ok) setFlowError(result.error.code);
      return result.ok ? null : result.error.code;
    },
    [model],
  );

  const act = useCallback(
    (action: FlowAction) => {
      switch (action) {
        case 'start':
          void record('session_started');
          break;
        case 'break':
          void record('break_started');
          break;
        case 'end':
          void record('session_ended');
          break;
        case 'skip':
        case 'stop':
          setDialog(action);
          break;
      }
    },
    [record],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = matchShortcut(event);
      if (!action || action === 'lock' || action === 'help') return;
      if (action === 'break' && flow.state === 'on_break') {
        event.preventDefault();
        if (!busy) void record('break_ended');
        return;
      }
      if (modalOpen()) return;
      event.preventDefault();
      if (action === 'next') step(1);
      else if (action === 'previous') step(-1);
      else if (action === 'break' && flow.state === 'in_session' && !busy) act('break');
      else if (action === 'skip' && flow.state === 'in_session') act('skip');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flow.state, busy, record, step, act]);

  const currentBreak = flow.sessions.at(-1)?.breaks.at(-1);
  const onBreak = flow.state === 'on_break';
  // Back from a break whose opener is gone (the flow buttons change): the page heading.
  const wasOnBreak = useRef(onBreak);
  useEffect(() => {
    if (wasOnBreak.current && !onBreak) {
      const active = document.activeElement;
      if (!active || active === document.body) headingRef.current?.focus();
    }
    wasOnBreak.current = onBreak;
  }, [onBreak]);
  const skipSection = shown === NARRATIVE_PAGE ? NARRATIVE_SECTION : shown;
  const skipTitle =
    shown === NARRATIVE_PAGE
      ? t('interview.freeAccount')
      : lt(template.sections.find((s) => s.id === skipSection)?.title);
  const locked = !consent.canStore;
  const goToConsent = useCallback(() => go(CONSENT_SECTION), [go]);

  return (
    <article className="interview" aria-labelledby="record-code-title">
      <header className="interview-head">
        <div className="record-code-row">
          <h1 id="record-code-title" className="record-code">
            {testimony.recordCode}
          </h1>
          {/* The version this testimony pinned: it is shown with, and exported with, this one. */}
          <span className="muted template-pin" data-template-version={template.version}>
            {t('interview.templatePin', { title: lt(template.title), version: template.version })}
          </span>
          {onRedact && !onBreak && (
            <button type="button" onClick={onRedact}>
              {t('redaction.open')}
            </button>
          )}
          {onSeal && !onBreak && (
            <button type="button" onClick={onSeal}>
              {t('bundles.seal')}
            </button>
          )}
        </div>
        <FlowBar flow={flow} busy={busy} onAction={act} />
      </header>
      {flowError && !dialog && <ErrorNote code={flowError} />}
      {consent.withdrawn.length > 0 && (
        <WithdrawalBanner template={template} withdrawn={consent.withdrawn} />
      )}
      <div className="interview-body" hidden={onBreak}>
        <SectionNavigator
          sections={sections}
          stores={(id) => model.store(id)}
          current={shown}
          skipped={skippedIds}
          onSelect={selectFromNav}
        >
          <QualifiedToggle
            qualified={flow.qualified}
            consented={consent.granted.includes('sexual_violence_questions')}
            hasSection={template.sections.some((s) => s.gate === 'sexual_violence')}
            onChange={async (qualified) => (await record('qualified_set', { qualified })) === null}
          />
        </SectionNavigator>
        <div className="interview-page">
          {/* Not a labelled region: its name would contain the narrative's own label. */}
          <section className="narrative-page" hidden={shown !== NARRATIVE_PAGE}>
            <div className="page-head">
              <h2
                id="free-account-title"
                ref={shown === NARRATIVE_PAGE ? headingRef : undefined}
                tabIndex={-1}
              >
                {t('interview.freeAccount')}
              </h2>
            </div>
            <p className="section-intro">{t('interview.freeAccountIntro')}</p>
            <NarrativeEditor testimony={testimony} locked={locked}>
              {locked && <ConsentNotice onGoToConsent={goToConsent} />}
            </NarrativeEditor>
          </section>
          {section && (
            <SectionPage
              key={section.id}
              template={template}
              section={section}
              store={model.store(section.id)!}
              locked={locked && section.id !== CONSENT_SECTION}
              skipped={skips.get(section.id) ?? null}
              onGoToConsent={goToConsent}
              headingRef={headingRef}
            />
          )}
          <div className="page-nav">
            <button type="button" onClick={() => step(-1)} disabled={pages[0] === shown}>
              ← {t('interview.previous')}
            </button>
            <button type="button" onClick={() => step(1)} disabled={pages.at(-1) === shown}>
              {t('interview.next')} →
            </button>
          </div>
        </div>
      </div>
      {onBreak && currentBreak && (
        <BreakOverlay
          startedAt={currentBreak.startedAt}
          busy={busy}
          onResume={() => void record('break_ended')}
          onStop={() => setDialog('stop')}
        />
      )}
      {dialog === 'skip' && (
        <ReasonDialog
          title={t('flow.skipTitle', { section: skipTitle })}
          intro={t('flow.skipIntro')}
          reasonLabel={t('flow.skipReason')}
          reasonAllowed={consent.canStore}
          confirm={t('flow.skipConfirm')}
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const code = await record('section_skipped', { sectionId: skipSection, reason });
            if (!code) {
              setDialog(null);
              step(1);
            }
            return code;
          }}
        />
      )}
      {dialog === 'stop' && (
        <ReasonDialog
          title={t('flow.stopTitle')}
          intro={t('flow.stopIntro')}
          reasonLabel={t('flow.stopReason')}
          reasonAllowed={consent.canStore}
          confirm={t('flow.stopConfirm')}
          onClose={() => setDialog(null)}
          onConfirm={async (reason) => {
            const code = await record('session_stopped', { reason });
            if (!code) setDialog(null);
            return code;
          }}
        />
      )}
    </article>
  );
}
