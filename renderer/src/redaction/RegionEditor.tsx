/**
 * Black boxes over an image: drag on the preview to draw one (or "Add a box" and move it with
 * the arrow keys, Shift+arrows to resize), remove any, then save them as one blackout redaction.
 * The preview is a small metadata-free copy made by main; the boxes are saved in the full image's
 * pixels, where main renders them into a new working copy. The original is never changed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../shared/ipc';
import { MAX_BLACKOUT_REGIONS } from '../../../shared/redaction/model';
import type { BlackoutRegion } from '../../../shared/redaction/model';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../app/Modal';
import { call } from '../ipc/client';
import { asPercent, nudge, toFullSize } from './regions';

type Preview = OutputOf<'redaction:imagePreview'>;
interface Drag {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function RegionEditor({
  testimonyId,
  attachmentId,
  name,
  initial,
  onSave,
  onClose,
  saveError,
}: {
  testimonyId: string;
  attachmentId: string;
  name: string;
  initial: readonly BlackoutRegion[];
  onSave: (regions: BlackoutRegion[]) => Promise<boolean>;
  onClose: () => void;
  /** Why the last save failed (the screen's error sits behind this dialog). */
  saveError: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [regions, setRegions] = useState<BlackoutRegion[]>([...initial]);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [saving, setSaving] = useState(false);
  const surface = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void call('redaction:imagePreview', { testimonyId, attachmentId }).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setError(result.error.code);
    });
    return () => {
      live = false;
    };
  }, [testimonyId, attachmentId]);

  const full = preview ? { width: preview.width, height: preview.height } : null;
  const point = (e: ReactPointerEvent) => {
    const box = surface.current!.getBoundingClientRect();
    return {
      x: Math.min(box.width, Math.max(0, e.clientX - box.left)),
      y: Math.min(box.height, Math.max(0, e.clientY - box.top)),
    };
  };
  const shownSize = () => {
    const box = surface.current!.getBoundingClientRect();
    return { width: box.width, height: box.height };
  };
  const full1 = full ?? { width: 1, height: 1 };
  const step = Math.max(1, Math.round(Math.min(full1.width, full1.height) / 50));

  return (
    <Modal className="region-editor" title={t('redaction.regionTitle', { name })} onClose={onClose}>
      <p className="help" id={`${id}-help`}>
        {t('redaction.regionHelp')}
      </p>
      {error && <ErrorNote code={error} />}
      {!preview && !error && <p className="muted">{t('redaction.regionLoading')}</p>}
      {preview && full && (
        <div
          ref={surface}
          className="region-surface"
          tabIndex={0}
          role="img"
          aria-label={t('redaction.regionImage', { name, count: regions.length })}
          aria-describedby={`${id}-help`}
          // Tall images fit the dialog's height; the box keeps the image's proportions.
          style={{
            aspectRatio: `${preview.previewWidth} / ${preview.previewHeight}`,
            width: `min(100%, calc(60vh * ${preview.previewWidth / preview.previewHeight}))`,
          }}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            e.currentTarget.setPointerCapture(e.pointerId);
            const p = point(e);
            setDrag({ x: p.x, y: p.y, w: 0, h: 0 });
          }}
          onPointerMove={(e) => {
            if (!drag) return;
            const p = point(e);
            setDrag({ ...drag, w: p.x - drag.x, h: p.y - drag.y });
          }}
          onPointerUp={() => {
            if (!drag) return;
            const region = toFullSize(drag, shownSize(), full);
            setDrag(null);
            // A click without a drag draws nothing.
            if (region && (Math.abs(drag.w) > 3 || Math.abs(drag.h) > 3))
              setRegions((r) => [...r, region].slice(0, MAX_BLACKOUT_REGIONS));
          }}
          onKeyDown={(e) => {
            const moves: Record<string, [number, number]> = {
              ArrowLeft: [-step, 0],
              ArrowRight: [step, 0],
              ArrowUp: [0, -step],
              ArrowDown: [0, step],
            };
            const move = moves[e.key];
            if (!move || regions.length === 0) return;
            e.preventDefault();
            setRegions((r) => [
              ...r.slice(0, -1),
              nudge(r.at(-1)!, move[0], move[1], e.shiftKey, full),
            ]);
          }}
        >
          <img src={preview.dataUrl} alt="" draggable={false} />
          {regions.map((r, i) => (
            <span key={i} className="region-box" style={asPercent(r, full)}>
              <span className="region-number">{i + 1}</span>
            </span>
          ))}
          {drag && (
            <span
              className="region-box drawing"
              style={{
                left: Math.min(drag.x, drag.x + drag.w),
                top: Math.min(drag.y, drag.y + drag.h),
                width: Math.abs(drag.w),
                height: Math.abs(drag.h),
              }}
            />
          )}
        </div>
      )}
      {preview && full && (
        <>
          <h3>{t('redaction.regionList')}</h3>
          {regions.length === 0 ? (
            <p className="muted">{t('redaction.regionNone')}</p>
          ) : (
            <ol className="region-list">
              {regions.map((r, i) => (
                <li key={i}>
                  {t('redaction.regionItem', { n: i + 1, ...r })}{' '}
                  <button
                    type="button"
                    onClick={() => setRegions((all) => all.filter((_, j) => j !== i))}
                  >
                    {t('redaction.regionRemove', { n: i + 1 })}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <button
            type="button"
            onClick={() =>
              setRegions((r) => [
                ...r,
                {
                  x: Math.floor(full.width * 0.375),
                  y: Math.floor(full.height * 0.375),
                  w: Math.max(1, Math.floor(full.width / 4)),
                  h: Math.max(1, Math.floor(full.height / 4)),
                },
              ])
            }
          >
            {t('redaction.regionAdd')}
          </button>
        </>
      )}
      {saveError && <ErrorNote code={saveError} />}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={saving || !preview || regions.length === 0}
          onClick={() => {
            setSaving(true);
            void onSave(regions).then((ok) => {
              setSaving(false);
              if (ok) onClose();
            });
          }}
        >
          {t('redaction.regionSave')}
        </button>
      </div>
    </Modal>
  );
}
