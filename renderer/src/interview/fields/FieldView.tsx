import { memo, useCallback } from 'react';
import type { Answer, LeafAnswer } from '../../../../shared/forms/answers';
import type { Field, LeafField, Template } from '../../../../shared/forms/template';
import { useAnswer, useSectionStore } from '../use-interview';
import { FieldFrame } from './FieldFrame';
import { GroupInput } from './GroupInput';
import { LeafInput } from './LeafInput';

/** A top-level question of a section; re-renders only when its own answer changes. */
export const FieldView = memo(function FieldView({
  field,
  template,
  offerToday,
  appFilled = false,
}: {
  field: Field;
  template: Template;
  offerToday: boolean;
  /** Filled in by the app (the explanation's hash): shown, not typed. */
  appFilled?: boolean;
}) {
  const store = useSectionStore();
  const answer = useAnswer(store, field.id);
  const set = useCallback(
    (next: Answer | LeafAnswer | undefined) => store.setAnswer(field.id, next),
    [store, field.id],
  );
  if (field.kind === 'group') {
    return (
      <GroupInput
        field={field}
        answer={answer}
        template={template}
        offerToday={offerToday}
        onSet={set}
      />
    );
  }
  return (
    <LeafQuestion
      field={field}
      answer={answer as LeafAnswer}
      template={template}
      onSet={set}
      offerToday={offerToday}
      readOnly={appFilled}
    />
  );
});

/** A leaf question with its frame; also used for the fields inside a group's item. */
export const LeafQuestion = memo(function LeafQuestion({
  field,
  answer,
  template,
  onSet,
  offerToday,
  readOnly = false,
  fixed = false,
  path,
}: {
  field: LeafField;
  answer: LeafAnswer | undefined;
  template: Template;
  onSet: (answer: LeafAnswer | undefined) => void;
  offerToday: boolean;
  readOnly?: boolean;
  /** Main would refuse any change to it (see FieldFrame): the whole question is disabled. */
  fixed?: boolean;
  /** Inside a group item: `group.<item>.field`, as main names it when it refuses the answer. */
  path?: string;
}) {
  return (
    <FieldFrame
      field={field}
      answer={answer}
      path={path}
      fixed={fixed}
      onSet={(a) => onSet(a as LeafAnswer | undefined)}
    >
      {(ids) => (
        <LeafInput
          {...ids}
          field={field}
          answer={answer}
          template={template}
          onChange={onSet}
          offerToday={offerToday && field.kind === 'date'}
          readOnly={readOnly}
        />
      )}
    </FieldFrame>
  );
});
