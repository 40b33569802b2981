import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChoiceField, Template } from '../../../../shared/forms/template';
import { findVocabulary } from '../../../../shared/forms/template';
import { answered, codesOf, textOf } from '../answer-values';
import { useLocalText } from '../local-text';
import type { LeafProps } from './leaf-props';

/** Up to this many terms show as radio buttons; more as a drop-down list. */
const MAX_RADIOS = 5;

/** One term of a vocabulary: radio buttons for a few, a select for many. */
export function ChoiceInput(props: LeafProps<ChoiceField> & { template: Template }) {
  const { field, answer, onChange, labelId, describedBy, invalid, template } = props;
  const { t } = useTranslation();
  const lt = useLocalText();
  const name = useId();
  const terms = findVocabulary(template, field.vocabulary)?.terms ?? [];
  const value = textOf(answer);

  if (terms.length > MAX_RADIOS) {
    return (
      <select
        value={value}
        aria-labelledby={labelId}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value ? answered(e.target.value) : undefined)}
      >
        <option value="">{t('field.choose')}</option>
        {terms.map((term) => (
          <option key={term.code} value={term.code}>
            {lt(term.label)}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div
      className="options"
      role="radiogroup"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    >
      {terms.map((term) => (
        <label key={term.code} className="option">
          <input
            type="radio"
            name={name}
            value={term.code}
            checked={value === term.code}
            onChange={() => onChange(answered(term.code))}
          />
          <span>{lt(term.label)}</span>
        </label>
      ))}
    </div>
  );
}

/** Several terms of a vocabulary, as checkboxes. No term checked is no answer. */
export function MultiInput(props: LeafProps<ChoiceField> & { template: Template }) {
  const { field, answer, onChange, labelId, describedBy, invalid, template } = props;
  const lt = useLocalText();
  const terms = findVocabulary(template, field.vocabulary)?.terms ?? [];
  const codes = codesOf(answer);
  const toggle = (code: string, on: boolean) => {
    // Keep the vocabulary's order, so the stored list does not depend on click order.
    const next = terms.map((t) => t.code).filter((c) => (c === code ? on : codes.includes(c)));
    onChange(next.length ? answered(next) : undefined);
  };
  return (
    <div
      className="options options-multi"
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
    >
      {terms.map((term) => (
        <label key={term.code} className="option">
          <input
            type="checkbox"
            checked={codes.includes(term.code)}
            aria-invalid={invalid || undefined}
            onChange={(e) => toggle(term.code, e.target.checked)}
          />
          <span>{lt(term.label)}</span>
        </label>
      ))}
    </div>
  );
}

/** Yes or no, as two radio buttons. */
export function YesNoInput({
  answer,
  onChange,
  labelId,
  describedBy,
  invalid,
}: LeafProps<unknown>) {
  const { t } = useTranslation();
  const name = useId();
  const value = textOf(answer);
  return (
    <div
      className="options options-inline"
      role="radiogroup"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
    >
      {(['yes', 'no'] as const).map((v) => (
        <label key={v} className="option">
          <input
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            onChange={() => onChange(answered(v))}
          />
          <span>{t(`field.${v}`)}</span>
        </label>
      ))}
    </div>
  );
}
