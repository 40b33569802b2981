import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../app/Modal';
import { AddRecipientForm } from './AddRecipientForm';
import { DeviceKeyCard } from './DeviceKeyCard';
import { Fingerprint } from './Fingerprint';
import { RecipientCard } from './RecipientCard';
import type { Recipient } from './use-recipients';
import { useRecipients } from './use-recipients';

/**
 * The recipients bundles can be sealed for (age public keys, each with a fingerprint to compare
 * out of band), and this device's own signing key for recipients to pin.
 */
export function RecipientsScreen() {
  const { t } = useTranslation();
  const listId = useId();
  const { items, error, reload } = useRecipients();
  // null: closed; 'form': adding; a recipient: just added, its fingerprint to compare.
  const [dialog, setDialog] = useState<'form' | Recipient | null>(null);

  return (
    <article className="recipients" aria-labelledby="recipients-title">
      <div className="page-head">
        <h1 id="recipients-title">{t('recipients.title')}</h1>
        <button type="button" className="primary" onClick={() => setDialog('form')}>
          {t('recipients.add')}
        </button>
      </div>
      <p className="section-intro">{t('recipients.intro')}</p>
      {error && <ErrorNote code={error} />}
      <div className="recipients-body">
        <section aria-labelledby={listId}>
          <h2 id={listId}>{t('recipients.listTitle')}</h2>
          {items && items.length === 0 && <p className="muted">{t('recipients.empty')}</p>}
          {items && items.length > 0 && (
            <ul className="recipient-list">
              {items.map((r) => (
                <RecipientCard key={r.id} recipient={r} />
              ))}
            </ul>
          )}
        </section>
        <DeviceKeyCard />
      </div>
      {dialog === 'form' && (
        <Modal title={t('recipients.addTitle')} onClose={() => setDialog(null)}>
          <AddRecipientForm
            onCancel={() => setDialog(null)}
            onAdded={(added) => {
              reload();
              setDialog(added);
            }}
          />
        </Modal>
      )}
      {dialog && dialog !== 'form' && (
        <Modal title={t('recipients.addedTitle')} onClose={() => setDialog(null)}>
          <p>{t('recipients.added', { name: dialog.name, organisation: dialog.organisation })}</p>
          <Fingerprint value={dialog.fingerprint} label={t('recipients.fingerprint')} />
          <p className="compare-note">{t('recipients.compare')}</p>
          <div className="modal-actions">
            <button
              type="button"
              className="primary"
              data-autofocus
              onClick={() => setDialog(null)}
            >
              {t('recipients.done')}
            </button>
          </div>
        </Modal>
      )}
    </article>
  );
}
