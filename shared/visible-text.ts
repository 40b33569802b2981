/**
 * Text from outside (file names, later register names) shown so that what it is cannot hide:
 * bidirectional controls (the right-to-left override that turns "gnp.exe" into "exe.png"),
 * zero-width and other invisible controls become visible [U+XXXX] tokens. Display only: the
 * stored value stays exactly as it was received.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

export function visibleText(text: string): string {
  return text.replace(
    INVISIBLE,
    (ch) => `[U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}
