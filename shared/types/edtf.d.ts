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
}
