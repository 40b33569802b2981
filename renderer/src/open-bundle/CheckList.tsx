import { useTranslation } from 'react-i18next';
import type { OpenedBundleView } from '../../../shared/opened-bundle';

type Check = OpenedBundleView['report']['checks'][number];

/** Every check in the order it ran, passed or failed in words (not colour alone), with its detail. */
export function CheckList({ checks, omitted }: { checks: readonly Check[]; omitted: number }) {
  const { t } = useTranslation();
  return (
    <section className="bundle-check-section" aria-labelledby="checks-title">
      <h2 id="checks-title">{t('openBundle.checksTitle')}</h2>
      <ul className="bundle-check-list">
        {checks.map((check, i) => (
          <li
            key={i}
            className={
              check.ok ? 'bundle-check bundle-check-ok' : 'bundle-check bundle-check-failed'
            }
            data-check={check.name}
            data-ok={check.ok}
          >
            <span className="bundle-check-mark" aria-hidden="true">
              {check.ok ? '✓' : '✗'}
            </span>
            <span className="bundle-check-name">{t(`openBundle.checks.${check.name}`)}</span>
            <span className="bundle-check-state">
              {check.ok ? t('openBundle.checkOk') : t('openBundle.checkFailed')}
            </span>
            <span className="bundle-check-detail">{check.detail}</span>
          </li>
        ))}
      </ul>
      {omitted > 0 && <p className="muted">{t('openBundle.checksOmitted', { n: omitted })}</p>}
    </section>
  );
}
