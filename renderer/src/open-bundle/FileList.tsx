import { useTranslation } from 'react-i18next';
import type { OpenedBundleView } from '../../../shared/opened-bundle';

type Files = OpenedBundleView['contents']['files'];

/** Every file of the bag with its size and the SHA-256 of the bytes as they were read. */
export function FileList({
  files,
  omitted,
  verified,
}: {
  files: Files;
  omitted: number;
  verified: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="opened-files" aria-labelledby="opened-files-title">
      <h2 id="opened-files-title">
        {t('openBundle.filesTitle')}
        {!verified && <span className="unverified-tag">{t('openBundle.unverified')}</span>}
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="opened-files-title">
        <table className="file-table">
          <thead>
            <tr>
              <th scope="col">{t('openBundle.path')}</th>
              <th scope="col">{t('openBundle.size')}</th>
              <th scope="col">{t('openBundle.sha256')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path}>
                <td className="file-path">{f.path}</td>
                <td className="file-size">{f.size}</td>
                <td className="mono hash">{f.sha256}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {omitted > 0 && <p className="muted">{t('openBundle.filesOmitted', { n: omitted })}</p>}
    </section>
  );
}
