/**
 * A text to mark passages in: a read-only <textarea>, so the words can be selected with the
 * keyboard (Shift and the arrows) as well as the mouse, and its selection gives UTF-16 offsets
 * directly. What is already marked shows through from a backdrop laid under it in the same grid
 * cell, with the same font and wrapping, so the highlights sit under the very letters.
 */
import { forwardRef } from 'react';
import type { ReactNode } from 'react';
import type { MergedRange } from '../../../shared/redaction/ranges';

export const MarkedText = forwardRef<
  HTMLTextAreaElement,
  { id: string; text: string; marks: readonly MergedRange[]; describedBy?: string }
>(function MarkedText({ id, text, marks, describedBy }, ref) {
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) pieces.push(text.slice(at, mark.start));
    pieces.push(
      <mark key={mark.start} className="marked-span">
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    at = mark.end;
  }
  pieces.push(text.slice(at));
  return (
    <div className="marked-text">
      <div className="marked-backdrop" aria-hidden="true">
        {pieces}
        {/* A trailing newline would collapse here and leave the textarea a line short. */}{' '}
      </div>
      <textarea
        id={id}
        ref={ref}
        readOnly
        value={text}
        spellCheck={false}
        aria-describedby={describedBy}
      />
    </div>
  );
});
