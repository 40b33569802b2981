import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_CHARS } from '../../../shared/vault-rules';
import { call } from '../ipc/client';
import { PassphraseField } from './PassphraseField';
import { VaultCard } from './VaultCard';

export function CreateVault({
  onCreated,
  replaceDestroyed = false,
}: {
  onCreated: (recoveryKey: string) => void;
  replaceDestroyed?: boolean;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if ([...passphrase].length < MIN_PASSPHRASE_CHARS) return setProblem(t('vault.tooShort'));
    if (passphrase !== confirm) return setProblem(t('vault.mismatch'));
    setProblem(null);
    setBusy(true);
    const result = await call('vault:create', { passphrase, replaceDestroyed });
    setBusy(false);
    if (result.ok) onCreated(result.value.recoveryKey);
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
