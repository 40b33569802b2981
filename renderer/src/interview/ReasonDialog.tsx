import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REASON_CHARS } from '../../../shared/forms/sessions';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../app/Modal';

/** Asks for an optional reason (skip, stop) and confirms; the time is recorded by main. */
export function ReasonDialog({
  title,
  intro,
  reasonLabel,
  confirm,
  reasonAllowed,
  onConfirm,
  onClose,
}: {
  title: string;
  intro: string;
  reasonLabel: string;
  confirm: string;
  /** Free text is stored only once consent allows storing. */
  reasonAllowed: boolean;
  /** Resolves to an error code, or null when recorded. */
  onConfirm: (reason: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const code = await onConfirm(reasonAllowed ? reason : '');
    setBusy(false);
    if (code) setError(code);
  }

  return (
    <Modal title={title} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="reason-form">
        <p>{intro}</p>
        <div className="field">
          <label htmlFor={id}>{reasonLabel}</label>
          {!reasonAllowed && (
            <p id={`${id}-help`} className="help">
              {t('flow.reasonAfterConsent')}
            </p>
          )}
          <textarea
            id={id}
            data-autofocus={reasonAllowed || undefined}
            disabled={!reasonAllowed}
            aria-describedby={reasonAllowed ? undefined : `${id}-help`}
            rows={3}
            maxLength={MAX_REASON_CHARS}
            value={reason}
            spellCheck={false}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {error && <ErrorNote code={error} />}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy}
            data-autofocus={reasonAllowed ? undefined : true}
          >
            {confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}
