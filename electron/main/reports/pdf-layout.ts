/**
 * A small flowing-text layout over pdf-lib, which draws text only where it is told: words wrap to
 * the column, long runs without spaces (hashes, file names) break anywhere, pages break when
 * full, and every page gets a footer once the page count is known.
 */
import { rgb } from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { visibleText } from '../../../shared/visible-text';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const FOOTER = 28;
export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.38, 0.42);

export interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

export interface TextStyle {
  readonly size?: number;
  readonly bold?: boolean;
  readonly muted?: boolean;
  readonly indent?: number;
  /** Space after the block, in points. */
  readonly after?: number;
}

export class PdfLayout {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  /** Room for `height` points on this page, or a new page. */
  ensure(height: number): void {
    if (this.y - height < MARGIN + FOOTER) this.newPage();
  }

  /** The current page and the top of a free box of `height` points, for drawings. */
  box(height: number): { page: PDFPage; x: number; top: number } {
    this.ensure(height);
    const top = this.y;
    this.y -= height;
    return { page: this.page, x: MARGIN, top };
  }

  space(points: number): void {
    this.y -= points;
  }

  text(content: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const indent = style.indent ?? 0;
    const lineHeight = size * 1.35;
    for (const line of this.wrap(printable(content), font, size, this.width - indent)) {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.page.drawText(line, {
        x: MARGIN + indent,
        y: this.y + size * 0.3,
        size,
        font,
        color: style.muted ? MUTED : INK,
      });
    }
    this.y -= style.after ?? 2;
  }

  heading(content: string, size = 14): void {
    this.ensure(size * 3);
    this.space(size * 0.6);
    this.text(content, { size, bold: true, after: size * 0.4 });
  }

  /** Writes "page n of N" (or what `label` makes of it) at the foot of every page. */
  footers(label: (n: number, total: number) => string): void {
    this.pages.forEach((page, i) => {
      page.drawText(printable(label(i + 1, this.pages.length)), {
        x: MARGIN,
        y: MARGIN - 20,
        size: 8,
        font: this.fonts.regular,
        color: MUTED,
      });
    });
  }

  private wrap(content: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of content.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/(?<= )/)) {
        if (font.widthOfTextAtSize(line + word, size) <= width) {
          line += word;
          continue;
        }
        if (line) lines.push(line.trimEnd());
        line = '';
        // A word wider than the column (a hash, a long name) breaks wherever it must.
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }
}

/**
 * Text as the report shows it: tabs as spaces, other controls and bidirectional overrides as
 * visible [U+XXXX] tokens (a report must show what is there, not a reordered version of it).
 */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .split('\n')
    .map((line) => visibleText(line))
    .join('\n');
}
