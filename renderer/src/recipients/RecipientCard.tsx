import { useTranslation } from 'react-i18next';
import { dateLocale } from '../interview/date-locale';
import { Fingerprint } from './Fingerprint';
import type { Recipient } from './use-recipients';

/** One recipient as listed: who, which kind (consent is per kind), fingerprint, when added. */
export function RecipientCard({ recipient }: { recipient: Recipient }) {
  const { t, i18n } = useTranslation();
  const added = new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'long' }).format(
    new Date(recipient.createdAt),
  );
  return (
    <li className="recipient-card" data-recipient={recipient.id}>
      <div className="recipient-head">
        <span className="recipient-name">{recipient.name}</span>
        <span className="tag">{t(`recipients.classes.${recipient.recipientClass}`)}</span>
      </div>
      <span className="recipient-org">{recipient.organisation}</span>
      <Fingerprint value={recipient.fingerprint} label={t('recipients.fingerprint')} />
      <span className="help">{t('recipients.addedOn', { date: added })}</span>
    </li>
  );
}
