import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SealedBundle {
  readonly path: string;
  readonly bundleId: string;
  readonly sha256: string;
}

/** Where the sealed bundle went and its SHA-256, to be written into the hand-over record. */
export function ExportResult({ bundle, onClose }: { bundle: SealedBundle; onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  // Shown in place of the form, whose focused control is gone.
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="export-result" data-bundle-id={bundle.bundleId}>
      <dl className="result-list">
        <dt>{t('bundles.savedTo')}</dt>
        <dd>
          <code className="result-value" data-field="path" translate="no">
            {bundle.path}
          </code>
        </dd>
        <dt>{t('bundles.bundleId')}</dt>
        <dd>
          <code className="result-value" data-field="bundle-id" translate="no">
            {bundle.bundleId}
          </code>
        </dd>
        <dt>{t('bundles.sha256')}</dt>
        <dd>
          <code className="result-value sha256" data-field="sha256" translate="no">
            {bundle.sha256}
          </code>
        </dd>
      </dl>
      <p className="compare-note">{t('bundles.noteSha')}</p>
      <div className="modal-actions">
        <button type="button" className="primary" ref={closeRef} onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
    </div>
  );
}
