import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DESTROY_CONFIRMATION, MIN_PASSPHRASE_CHARS } from '../../../shared/vault-rules';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';
import { PassphraseField } from './PassphraseField';

/** Change the passphrase, or crypto-shred the vault. Both behind a disclosure, never one click. */
export function VaultSettings({ onDestroyed }: { onDestroyed: () => void }) {
  const { t } = useTranslation();
  return (
    <details className="vault-settings">
      <summary>{t('vaultSettings.title')}</summary>
      <ChangePassphrase />
      <DestroyVault onDestroyed={onDestroyed} />
    </details>
  );
}

function ChangePassphrase() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [note, setNote] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if ([...next].length < MIN_PASSPHRASE_CHARS) {
      return setNote({ kind: 'problem', text: t('vault.tooShort') });
    }
    if (next !== confirm) return setNote({ kind: 'problem', text: t('vault.mismatch') });
    setBusy(true);
    const result = await call('vault:changePassphrase', { current, next });
    setBusy(false);
    if (result.ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
      setNote({ kind: 'done', text: t('vaultSettings.changed') });
    } else {
      setNote(null);
      setError(result.error.code);
    }
  }

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="change-title">
      <h3 id="change-title">{t('vaultSettings.changeTitle')}</h3>
      <PassphraseField
        name="current"
        label={t('vaultSettings.current')}
        value={current}
        onChange={setCurrent}
      />
      <PassphraseField
        name="next"
        label={t('vaultSettings.next')}
        value={next}
        onChange={setNext}
      />
      <PassphraseField
        name="confirm"
        label={t('vaultSettings.nextConfirm')}
        value={confirm}
        onChange={setConfirm}
      />
      {note && (
        <p
          className={note.kind === 'done' ? 'ok-note' : 'error-note'}
          role={note.kind === 'done' ? 'status' : 'alert'}
        >
          {note.text}
        </p>
      )}
      {error && <ErrorNote code={error} />}
      <button type="submit" disabled={busy || !current}>
        {t('vaultSettings.change')}
      </button>
    </form>
  );
}

function DestroyVault({ onDestroyed }: { onDestroyed: () => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await call('vault:destroy', { confirmation: typed });
    if (result.ok) onDestroyed();
    else setError(result.error.code);
  }

  return (
    <form className="settings-form danger-zone" onSubmit={submit} aria-labelledby="destroy-title">
      <h3 id="destroy-title">{t('vaultSettings.destroyTitle')}</h3>
      <p className="help">{t('vaultSettings.destroyIntro')}</p>
      <div className="field">
        <label htmlFor={inputId}>
          {t('vaultSettings.destroyConfirm', { word: DESTROY_CONFIRMATION })}
        </label>
        <input
          id={inputId}
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      {error && <ErrorNote code={error} />}
      <button type="submit" className="danger" disabled={typed !== DESTROY_CONFIRMATION}>
        {t('vaultSettings.destroy')}
      </button>
    </form>
  );
}
