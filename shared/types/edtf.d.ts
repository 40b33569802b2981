/** The small part of the `edtf` package (no bundled types) that Svidok uses. */
declare module 'edtf' {
  interface EdtfValue {
    readonly type: 'Date' | 'Year' | 'Season' | 'Interval' | 'Set' | 'List' | 'Century' | 'Decade';
    /** Milliseconds since the epoch of the earliest and latest instant covered. */
    readonly min: number;
    readonly max: number;
    readonly edtf: string;
  }
  function edtf(input: string): EdtfValue;
  export default edtf;
  // The value classes. Check a value with instanceof, never by `type`: that getter returns the
  // class's name, which a minifier renames (the renderer bundle is minified).
  type EdtfClass = abstract new (...args: never[]) => EdtfValue;
  export const Date: EdtfClass;
  export const Year: EdtfClass;
  export const Season: EdtfClass;
  export const Interval: EdtfClass;
}
