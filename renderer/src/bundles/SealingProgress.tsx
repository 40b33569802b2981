import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { useUiLanguage } from '../interview/local-text';
import { call } from '../ipc/client';
import { formatBytes } from './byte-size';

type Progress = OutputOf<'bundle:progress'>;

/** How often main is asked how far the export got. */
const POLL_MS = 300;

/**
 * While a bundle is sealed: how much of it is done (a determinate bar when main estimated the
 * total), and a button that stops it. The counts are read by polling `bundle:progress` while
 * the `bundle:export` call is pending; only the short "Sealing…" line is a live region, so a
 * screen reader is not told every byte.
 */
export function SealingProgress() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  // The Seal button that had the focus is disabled now: the focus moves to the way out.
  useEffect(() => cancelRef.current?.focus(), []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const result = await call('bundle:progress', {});
      if (stopped) return;
      if (result.ok && result.value.running) setProgress(result.value);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  async function cancel() {
    if (cancelling) return;
    setCancelling(true);
    // The pending export call answers EXPORT_CANCELLED; the dialog reports it from there.
    await call('bundle:cancel', {});
  }

  const total = progress?.totalBytes;
  const counts =
    progress === null
      ? ''
      : total !== undefined
        ? t('bundles.progressOf', {
            done: formatBytes(progress.bytes, lang),
            total: formatBytes(total, lang),
            files: progress.files,
          })
        : t('bundles.progress', { done: formatBytes(progress.bytes, lang), files: progress.files });
  return (
    <div className="sealing">
      <p role="status">{cancelling ? t('bundles.cancelling') : t('bundles.sealing')}</p>
      {progress !== null && total !== undefined && total > 0 ? (
        <progress
          aria-label={t('bundles.progressLabel')}
          aria-valuetext={counts}
          max={total}
          value={Math.min(progress.bytes, total)}
        />
      ) : (
        <progress aria-label={t('bundles.progressLabel')} />
      )}
      <span className="sealing-counts" data-bytes={progress?.bytes ?? 0}>
        {counts}
      </span>
      <div>
        {/* aria-disabled, not disabled: the focus stays on it until the dialog answers. */}
        <button
          type="button"
          ref={cancelRef}
          onClick={() => void cancel()}
          aria-disabled={cancelling}
        >
          {t('bundles.cancelSealing')}
        </button>
      </div>
    </div>
  );
}
