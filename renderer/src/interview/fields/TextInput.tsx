import { MAX_LONG_TEXT, MAX_SHORT_TEXT } from '../../../../shared/forms/answers';
import type { TextField } from '../../../../shared/forms/template';
import { textAnswer, textOf } from '../answer-values';
import type { LeafProps } from './leaf-props';
import { useDraftText } from './use-draft-text';

/** Short text grows with its content; narrative text (a translation, answers) starts taller. */
export function TextInput({
  field,
  answer,
  onChange,
  labelId,
  describedBy,
  invalid,
  readOnly,
}: LeafProps<TextField>) {
  const draft = useDraftText<HTMLTextAreaElement>(textOf(answer), (text) =>
    onChange(textAnswer(text)),
  );
  const long = field.kind === 'narrative';
  return (
    <textarea
      {...draft}
      className={long ? 'long-text' : 'short-text'}
      rows={long ? 6 : 1}
      maxLength={long ? MAX_LONG_TEXT : MAX_SHORT_TEXT}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      spellCheck={false}
      autoComplete="off"
      autoCorrect="off"
      dir="auto"
      readOnly={readOnly}
    />
  );
}
