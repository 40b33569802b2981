import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../shared/visible-text';

describe('visibleText', () => {
  it('shows a right-to-left override instead of obeying it', () => {
    expect(visibleText('\u202Egnp.exe')).toBe('[U+202E]gnp.exe');
  });

  it('shows zero-width, isolate and control characters', () => {
    expect(visibleText('a\u200Bb\u2066c\u0007d\uFEFF')).toBe(
      'a[U+200B]b[U+2066]c[U+0007]d[U+FEFF]',
    );
  });

  it('leaves ordinary text of any script alone, apostrophes included', () => {
    for (const text of ["Київ — «підвал» ʼ’'", 'مرحبا', 'שלום', '<img src=x>', '']) {
      expect(visibleText(text)).toBe(text);
    }
  });
});
