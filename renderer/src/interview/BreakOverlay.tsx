import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../app/Modal';

/**
 * A break: the testimony is hidden behind a calm screen with a running timer until the
 * interviewer resumes (or stops the interview). Escape does not end a break by accident.
 */
export function BreakOverlay({
  startedAt,
  busy,
  onResume,
  onStop,
}: {
  startedAt: string;
  busy: boolean;
  onResume: () => void;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');

  return (
    <Modal
      title={t('flow.breakTimer', { time: `${mm}:${ss}` })}
      onClose={() => {}}
      closeOnEscape={false}
      className="break-overlay"
    >
      <p>{t('flow.breakHint')}</p>
      <div className="modal-actions break-actions">
        {/* Not disabled while the break is being recorded: Resume must be able to take the
            focus as soon as the break screen opens; a click meanwhile does nothing. */}
        <button type="button" onClick={() => !busy && onStop()}>
          {t('flow.stop')}
        </button>
        <button
          type="button"
          className="primary big"
          data-autofocus
          aria-keyshortcuts="Alt+B"
          onClick={() => !busy && onResume()}
        >
          {t('flow.resume')}
        </button>
      </div>
    </Modal>
  );
}
