import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/forms/templates';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { useRegisterFlush } from '../app/save-registry';
import { call } from '../ipc/client';
import { InterviewModel } from './interview-model';
import { InterviewScreen } from './InterviewScreen';

type Testimony = OutputOf<'testimony:get'>;
type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly code: string; readonly recordCode?: string }
  | { readonly kind: 'unknownTemplate'; readonly id: string; readonly version: number }
  | { readonly kind: 'ready'; readonly testimony: Testimony; readonly model: InterviewModel };

/**
 * An opened testimony: reads the narrative and the interview (answers, consent, flow) and
 * renders them with the template version the testimony pinned.
 */
export function InterviewView({
  testimonyId,
  onConsentChanged,
  onSeal,
  onRedact,
}: {
  testimonyId: string;
  onConsentChanged: () => void;
  /** Opens the seal dialog with this testimony chosen. */
  onSeal?: () => void;
  /** Opens the redaction screen of this testimony. */
  onRedact?: () => void;
}) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let model: InterviewModel | null = null;
    void Promise.all([
      call('testimony:get', { id: testimonyId }),
      call('interview:get', { testimonyId }),
    ]).then(([testimony, interview]) => {
      if (!live) return;
      if (!testimony.ok) return setLoaded({ kind: 'failed', code: testimony.error.code });
      if (!interview.ok) {
        return setLoaded({
          kind: 'failed',
          code: interview.error.code,
          recordCode: testimony.value.recordCode,
        });
      }
      const { templateId, templateVersion } = interview.value;
      const template = getTemplate(templateId, templateVersion);
      if (!template) {
        return setLoaded({ kind: 'unknownTemplate', id: templateId, version: templateVersion });
      }
      model = new InterviewModel(testimonyId, template, interview.value);
      setLoaded({ kind: 'ready', testimony: testimony.value, model });
    });
    return () => {
      live = false;
      // Leaving the testimony still writes what was typed; drafts lift as their inputs unmount.
      const leaving = model;
      if (leaving) queueMicrotask(() => void leaving.flushAll());
    };
  }, [testimonyId, attempt]);

  const model = loaded.kind === 'ready' ? loaded.model : null;
  const flush = useCallback(async () => {
    await model?.flushAll();
  }, [model]);
  useRegisterFlush(flush);

  switch (loaded.kind) {
    case 'loading':
      return <p className="muted">{t('app.loading')}</p>;
    case 'unknownTemplate':
      return (
        <p className="error-note" role="alert">
          {t('interview.unknownTemplate', { id: loaded.id, version: loaded.version })}
        </p>
      );
    case 'failed':
      return (
        <div className="load-failed">
          {loaded.recordCode && <h1 className="record-code">{loaded.recordCode}</h1>}
          <p>{t('interview.loadFailed')}</p>
          <ErrorNote code={loaded.code} />
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {t('app.retry')}
          </button>
        </div>
      );
    case 'ready':
      return (
        <InterviewScreen
          testimony={loaded.testimony}
          model={loaded.model}
          onConsentChanged={onConsentChanged}
          onSeal={onSeal}
          onRedact={onRedact}
        />
      );
  }
}
