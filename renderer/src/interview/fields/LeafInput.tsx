import type { LeafField, Template } from '../../../../shared/forms/template';
import { BodyMapInput } from './BodyMapInput';
import { ChoiceInput, MultiInput, YesNoInput } from './ChoiceInput';
import { DateInput } from './DateInput';
import type { LeafProps } from './leaf-props';
import { RefOrTextInput } from './RefOrTextInput';
import { RefsInput } from './RefsInput';
import { TextInput } from './TextInput';

/** The value control for a field's kind. */
export function LeafInput(props: LeafProps<LeafField> & { template: Template }) {
  const { field } = props;
  switch (field.kind) {
    case 'text':
    case 'narrative':
      return <TextInput {...props} field={field} />;
    case 'date':
      return <DateInput {...props} field={field} />;
    case 'choice':
      return <ChoiceInput {...props} field={field} />;
    case 'multi':
      return <MultiInput {...props} field={field} />;
    case 'yesno':
      return <YesNoInput {...props} field={field} />;
    case 'person':
      if (field.multiple) return <RefsInput {...props} field={field} />;
      return <RefOrTextInput {...props} field={field} />;
    case 'place':
      return <RefOrTextInput {...props} field={field} />;
    case 'bodymap':
      return <BodyMapInput {...props} field={field} />;
  }
}
