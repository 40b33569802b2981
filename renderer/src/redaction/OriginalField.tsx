/**
 * One text of the original, to redact from: the text with what is marked in it, "Redact
 * selection" for the words selected in it, and "Remove whole answer". A non-text answer (a code,
 * a date) can only be removed whole: offsets into a code mean nothing.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergedRange } from '../../../shared/redaction/ranges';
import { MarkedText } from './MarkedText';
import { storedOffset, trimRange } from './text-offsets';

export function OriginalField({
  path,
  label,
  text,
  words,
  marks,
  removed,
  busy,
  onRedactSpan,
  onRemoveWhole,
}: {
  path: string;
  label: string;
  /** The answer's free text, when a span can point into it. */
  text: string | null;
  /** What a non-text answer says. */
  words: string;
  marks: readonly MergedRange[];
  /** The whole answer is removed by a field redaction already. */
  removed: boolean;
  busy: boolean;
  onRedactSpan: (start: number, end: number) => Promise<boolean>;
  onRemoveWhole: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [hint, setHint] = useState(false);

  async function redactSelection() {
    const area = ref.current;
    if (!area || text === null) return;
    const [start, end] = trimRange(
      text,
      storedOffset(text, area.selectionStart),
      storedOffset(text, area.selectionEnd),
    );
    if (start >= end) {
      setHint(true);
      return;
    }
    setHint(false);
    // Back to the text, the selection gone: the next passage can be selected at once.
    if (await onRedactSpan(start, end)) {
      area.focus();
      area.setSelectionRange(area.selectionEnd, area.selectionEnd);
    }
  }

  async function removeWhole() {
    // The buttons go with the answer: the focus stays on it, now saying it is removed.
    if (await onRemoveWhole()) frameRef.current?.focus();
  }

  return (
    <div
      ref={frameRef}
      tabIndex={-1}
      className="redaction-field"
      data-path={path}
      data-removed={removed || undefined}
    >
      {text !== null && !removed ? (
        <>
          <label htmlFor={`${id}-text`} id={`${id}-label`} className="redaction-field-label">
            {label}
          </label>
          <MarkedText
            id={`${id}-text`}
            ref={ref}
            text={text}
            marks={marks}
            describedBy={hint ? `${id}-hint` : undefined}
          />
        </>
      ) : (
        <>
          <span id={`${id}-label`} className="redaction-field-label">
            {label}
          </span>
          <p className={removed ? 'redaction-removed-text' : 'redaction-words'} lang="">
            {removed ? t('redaction.wholeRemoved') : words}
          </p>
        </>
      )}
      {hint && (
        <p id={`${id}-hint`} className="error-note" role="alert">
          {t('redaction.noSelection')}
        </p>
      )}
      {!removed && (
        <div className="redaction-field-actions">
          {text !== null && (
            <button
              type="button"
              aria-describedby={`${id}-label`}
              onClick={() => {
                if (!busy) void redactSelection();
              }}
            >
              {t('redaction.redactSelection')}
            </button>
          )}
          <button
            type="button"
            aria-describedby={`${id}-label`}
            onClick={() => {
              if (!busy) void removeWhole();
            }}
          >
            {t('redaction.removeField')}
          </button>
        </div>
      )}
    </div>
  );
}
