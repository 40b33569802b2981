/**
 * The body map in a report: the same front and back figures as the form (shared/forms/
 * body-shapes.ts), the marked regions filled, with the figure captions.
 */
import { rgb } from 'pdf-lib';
import { BODY_SHAPES, FIGURE_HEIGHT, FIGURE_WIDTH } from '../../../shared/forms/body-shapes';
import type { PdfLayout } from './pdf-layout';
import { INK } from './pdf-layout';

const SCALE = 0.45;
const MARKED = rgb(0.7, 0.13, 0.13);
const PLAIN = rgb(0.92, 0.91, 0.88);

export function drawBodyFigures(
  layout: PdfLayout,
  marked: ReadonlySet<string>,
  captions: { front: string; back: string },
  indent = 0,
): void {
  const height = FIGURE_HEIGHT * SCALE + 20;
  const { page, x, top } = layout.box(height);
  const sides = [
    ['front', captions.front],
    ['back', captions.back],
  ] as const;
  sides.forEach(([side, caption], column) => {
    const left = x + indent + column * (FIGURE_WIDTH * SCALE + 40);
    page.drawText(caption, { x: left, y: top - 10, size: 9, font: layout.fonts.bold, color: INK });
    const figureTop = top - 16;
    for (const [id, shape] of Object.entries(BODY_SHAPES)) {
      if (!id.startsWith(`${side}.`)) continue;
      const color = marked.has(id) ? MARKED : PLAIN;
      // pdf-lib's origin is bottom left; the shapes' is top left.
      if (shape.type === 'rect') {
        page.drawRectangle({
          x: left + shape.x * SCALE,
          y: figureTop - (shape.y + shape.h) * SCALE,
          width: shape.w * SCALE,
          height: shape.h * SCALE,
          color,
          borderColor: INK,
          borderWidth: 0.4,
        });
      } else {
        page.drawEllipse({
          x: left + shape.cx * SCALE,
          y: figureTop - shape.cy * SCALE,
          xScale: shape.rx * SCALE,
          yScale: shape.ry * SCALE,
          color,
          borderColor: INK,
          borderWidth: 0.4,
        });
      }
    }
  });
}
