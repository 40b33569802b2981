import { useContext, useId } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyRegion, BodySide } from '../../../../shared/forms/body-map';
import { BODY_REGIONS } from '../../../../shared/forms/body-map';
import type { BodyMapField } from '../../../../shared/forms/template';
import { answered, codesOf } from '../answer-values';
import { useLocalText } from '../local-text';
import { ReadOnlyContext } from '../read-only';
import { BODY_SHAPES, FIGURE_HEIGHT, FIGURE_WIDTH } from '../../../../shared/forms/body-shapes';
import type { Shape } from '../../../../shared/forms/body-shapes';
import type { LeafProps } from './leaf-props';

/**
 * The body diagram: a front and a back figure; every region is a shape that toggles like a
 * checkbox — by click, or by Tab and Space/Enter — and says its name. What is marked is also
 * listed in words under the figures.
 */
export function BodyMapInput({ answer, onChange, labelId, describedBy }: LeafProps<BodyMapField>) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const hintId = useId();
  const readOnly = useContext(ReadOnlyContext);
  const marked = codesOf(answer);

  const toggle = (id: string) => {
    if (readOnly) return;
    const on = !marked.includes(id);
    const next = BODY_REGIONS.map((r) => r.id).filter((r) => (r === id ? on : marked.includes(r)));
    onChange(next.length ? answered(next) : undefined);
  };

  const names = BODY_REGIONS.filter((r) => marked.includes(r.id)).map((r) => lt(r.label));
  return (
    <div className="bodymap" role="group" aria-labelledby={labelId} aria-describedby={describedBy}>
      <p id={hintId} className="help">
        {t('field.bodymap.hint')}
      </p>
      <div className="bodymap-figures">
        {(['front', 'back'] as const).map((side) => (
          <Figure
            key={side}
            side={side}
            marked={marked}
            onToggle={toggle}
            readOnly={readOnly}
            describedBy={hintId}
          />
        ))}
      </div>
      <p className="bodymap-list">
        {names.length
          ? t('field.bodymap.marked', { list: names.join(', ') })
          : t('field.bodymap.none')}
      </p>
    </div>
  );
}

function Figure({
  side,
  marked,
  onToggle,
  readOnly,
  describedBy,
}: {
  side: BodySide;
  marked: string[];
  onToggle: (id: string) => void;
  readOnly: boolean;
  describedBy: string;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const captionId = useId();
  const regions = BODY_REGIONS.filter((r) => r.side === side);
  return (
    <figure className="bodymap-figure">
      <figcaption id={captionId}>{t(`field.bodymap.${side}`)}</figcaption>
      <svg
        viewBox={`0 0 ${FIGURE_WIDTH} ${FIGURE_HEIGHT}`}
        role="group"
        aria-labelledby={captionId}
        className="bodymap-svg"
      >
        {regions.map((region) => (
          <RegionShape
            key={region.id}
            region={region}
            label={lt(region.label)}
            on={marked.includes(region.id)}
            onToggle={onToggle}
            readOnly={readOnly}
            describedBy={describedBy}
          />
        ))}
      </svg>
    </figure>
  );
}

function RegionShape({
  region,
  label,
  on,
  onToggle,
  readOnly,
  describedBy,
}: {
  region: BodyRegion;
  label: string;
  on: boolean;
  onToggle: (id: string) => void;
  readOnly: boolean;
  describedBy: string;
}) {
  const shape = BODY_SHAPES[region.id];
  if (!shape) return null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      onToggle(region.id);
    }
  };
  return (
    <g
      className="region"
      role="checkbox"
      aria-checked={on}
      aria-label={label}
      aria-describedby={describedBy}
      aria-disabled={readOnly || undefined}
      tabIndex={readOnly ? -1 : 0}
      data-region={region.id}
      onClick={() => onToggle(region.id)}
      onKeyDown={onKeyDown}
    >
      <title>{label}</title>
      <ShapeElement shape={shape} />
    </g>
  );
}

function ShapeElement({ shape }: { shape: Shape }) {
  return shape.type === 'rect' ? (
    <rect x={shape.x} y={shape.y} width={shape.w} height={shape.h} rx={shape.r} />
  ) : (
    <ellipse cx={shape.cx} cy={shape.cy} rx={shape.rx} ry={shape.ry} />
  );
}
