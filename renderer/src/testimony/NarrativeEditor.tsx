import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { useRegisterFlush } from '../app/save-registry';
import { AttachmentsPanel } from './AttachmentsPanel';
import { HistoryPanel } from './HistoryPanel';
import { SaveStatus } from './SaveStatus';
import { useAutosave } from './use-autosave';

type Testimony = OutputOf<'testimony:get'>;

/**
 * The free account (section D's main text): the survivor's own words, first. Read-only until
 * consent is recorded. The textarea is uncontrolled on purpose: typing into a long narrative
 * must not re-render React per keystroke.
 */
export function NarrativeEditor({
  testimony,
  locked,
  children,
}: {
  testimony: Testimony;
  locked: boolean;
  /** Shown above the text (the consent notice). */
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const helpId = useId();
  const autosave = useAutosave(testimony.id, testimony.narrative, testimony.revision);
  useRegisterFlush(autosave.flush);
  const [showHistory, setShowHistory] = useState(false);
  const savedAt = autosave.state.kind === 'saved' ? autosave.state.at : null;

  return (
    <div className="editor">
      <div className="field">
        <label htmlFor={fieldId}>{t('testimony.narrative')}</label>
        <p id={helpId} className="help">
          {t('testimony.narrativeHelp')}
        </p>
        {children}
        <textarea
          id={fieldId}
          aria-describedby={helpId}
          className="narrative"
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          dir="auto"
          readOnly={locked}
          aria-readonly={locked || undefined}
          defaultValue={testimony.narrative}
          onChange={(e) => autosave.changed(e.target.value)}
        />
      </div>
      <div className="editor-foot">
        <SaveStatus state={autosave.state} />
        <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? t('history.hide') : t('history.show')}
        </button>
      </div>
      {showHistory && <HistoryPanel id={testimony.id} refreshKey={savedAt} />}
      <AttachmentsPanel testimonyId={testimony.id} locked={locked} />
    </div>
  );
}
