import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../ipc/client';
import { PassphraseField } from './PassphraseField';
import { VaultCard } from './VaultCard';

const MIN_CHARS = 12;

export function CreateVault({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if ([...passphrase].length < MIN_CHARS) return setProblem(t('vault.tooShort'));
    if (passphrase !== confirm) return setProblem(t('vault.mismatch'));
    setProblem(null);
    setBusy(true);
    const result = await call('vault:create', { passphrase });
    setBusy(false);
    if (result.ok) onCreated();
    else setError(result.error.code);
  }

  return (
    <VaultCard
      id="create-title"
      title={t('vault.createTitle')}
      intro={t('vault.createIntro')}
      onSubmit={submit}
      problem={problem}
      errorCode={error}
      busy={busy}
      submitLabel={t('vault.create')}
      busyLabel={t('vault.creating')}
    >
      <PassphraseField
        name="passphrase"
        label={t('vault.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        autoFocus
      />
      <PassphraseField
        name="confirm"
        label={t('vault.passphraseConfirm')}
        value={confirm}
        onChange={setConfirm}
      />
    </VaultCard>
  );
}
