import { useTranslation } from 'react-i18next';
import type { OpenedBundleView } from '../../../shared/opened-bundle';

/**
 * The verdict first, in words that cannot be mistaken: "verified-unpinned" proves integrity, not
 * origin, so it is a warning, never shown as a success.
 */
export function VerdictBanner({ report }: { report: OpenedBundleView['report'] }) {
  const { t } = useTranslation();
  const tone = { verified: 'ok', 'verified-unpinned': 'warn', failed: 'bad' }[report.verdict];
  return (
    <section
      className={`verdict verdict-${tone}`}
      aria-labelledby="verdict-title"
      data-verdict={report.verdict}
    >
      <h2 id="verdict-title">{t('openBundle.verdictTitle')}</h2>
      <p role="status" className="verdict-text">
        {t(`openBundle.verdicts.${report.verdict}`)}
      </p>
      <dl className="verdict-facts">
        {report.bundleId && (
          <>
            <dt>{t('openBundle.bundleId')}</dt>
            <dd className="mono">{report.bundleId}</dd>
          </>
        )}
        {report.keyId && (
          <>
            <dt>{t('openBundle.keyId')}</dt>
            <dd className="mono">{report.keyId}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
