import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { useRegisterFlush } from '../app/save-registry';
import { call } from '../ipc/client';
import { AttachmentsPanel } from './AttachmentsPanel';
import { HistoryPanel } from './HistoryPanel';
import { SaveStatus } from './SaveStatus';
import { useAutosave } from './use-autosave';

type Testimony = OutputOf<'testimony:get'>;

export function NarrativeEditor({ id }: { id: string }) {
  const [testimony, setTestimony] = useState<Testimony | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('testimony:get', { id }).then((result) => {
      if (!live) return;
      if (result.ok) setTestimony(result.value);
      else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [id]);

  if (error) return <ErrorNote code={error} />;
  if (!testimony) return null;
  return <LoadedEditor testimony={testimony} />;
}

function LoadedEditor({ testimony }: { testimony: Testimony }) {
  const { t } = useTranslation();
  const fieldId = useId();
  const helpId = useId();
  const autosave = useAutosave(testimony.id, testimony.narrative, testimony.revision);
  useRegisterFlush(autosave.flush);
  const [showHistory, setShowHistory] = useState(false);
  const savedAt = autosave.state.kind === 'saved' ? autosave.state.at : null;

  return (
    <article className="editor">
      <div className="editor-head">
        <h1 className="record-code">{testimony.recordCode}</h1>
        <button type="button" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? t('history.hide') : t('history.show')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={fieldId}>{t('testimony.narrative')}</label>
        <p id={helpId} className="help">
          {t('testimony.narrativeHelp')}
        </p>
        {/* Uncontrolled: typing into a long narrative must not re-render React per keystroke. */}
        <textarea
          id={fieldId}
          aria-describedby={helpId}
          className="narrative"
          spellCheck={false}
          autoComplete="off"
          autoCorrect="off"
          defaultValue={testimony.narrative}
          onChange={(e) => autosave.changed(e.target.value)}
        />
      </div>
      <SaveStatus state={autosave.state} />
      {showHistory && <HistoryPanel id={testimony.id} refreshKey={savedAt} />}
      <AttachmentsPanel testimonyId={testimony.id} />
    </article>
  );
}
