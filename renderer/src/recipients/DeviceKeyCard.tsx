import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { ErrorNote } from '../app/ErrorNote';
import { call } from '../ipc/client';

type DeviceKey = OutputOf<'vault:devicePublicKey'>;

/**
 * This device's signing key in minisign format, for recipients to pin. Copying falls back to
 * selecting the text where the clipboard is unavailable (sandboxed or denied).
 */
export function DeviceKeyCard() {
  const { t } = useTranslation();
  const headingId = useId();
  const keyLabelId = useId();
  const keyRef = useRef<HTMLPreElement>(null);
  const [key, setKey] = useState<DeviceKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<'copied' | 'selected' | null>(null);

  useEffect(() => {
    let live = true;
    void call('vault:devicePublicKey', {}).then((result) => {
      if (!live) return;
      if (result.ok) setKey(result.value);
      else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, []);

  function selectKey() {
    const node = keyRef.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    selection.selectAllChildren(node);
    node.focus();
  }

  async function copy() {
    if (!key) return;
    setNote(null);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(key.minisign);
      setNote('copied');
    } catch {
      selectKey();
      setNote('selected');
    }
  }

  return (
    <section className="device-key" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('recipients.deviceTitle')}</h2>
      <p className="help">{t('recipients.deviceIntro')}</p>
      {error && <ErrorNote code={error} />}
      {key && (
        <>
          <p className="device-key-id">
            {t('recipients.keyId')}: <code translate="no">{key.keyId}</code>
          </p>
          <span id={keyLabelId} className="sub-label">
            {t('recipients.deviceKey')}
          </span>
          <pre
            ref={keyRef}
            className="device-key-text"
            aria-labelledby={keyLabelId}
            tabIndex={0}
            translate="no"
          >
            {key.minisign}
          </pre>
          <div className="device-key-actions">
            <button type="button" onClick={() => void copy()}>
              {t('recipients.copy')}
            </button>
            {note && (
              <span className="ok-note" role="status">
                {note === 'copied' ? t('recipients.copied') : t('recipients.selected')}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
