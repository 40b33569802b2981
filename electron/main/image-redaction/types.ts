/** A rectangle in whole pixels, in the image as displayed (after its EXIF orientation). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Decoders we accept. Everything else sharp could open (SVG, PDF, …) is refused. */
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'heif';

/** What a working copy is written as: the source's family, or PNG for the others. */
export type OutputFormat = 'jpeg' | 'png' | 'webp';

export interface ImageInfo {
  readonly format: SourceFormat;
  /** The format blackoutImage and stripMetadata will write. */
  readonly outputFormat: OutputFormat;
  /** Displayed size: width and height are swapped for EXIF orientations 5–8. */
  readonly width: number;
  readonly height: number;
}

export interface RedactionOptions {
  /** JPEG output quality, 1–100 (default 90). PNG and WebP are written losslessly. */
  readonly jpegQuality?: number;
}

/** A new image: the blackout rendered in, no metadata at all. */
export interface RedactedImage {
  readonly bytes: Buffer;
  /** SHA-256 of `bytes`, lowercase hex. */
  readonly sha256: string;
  readonly format: OutputFormat;
  readonly width: number;
  readonly height: number;
  /** SHA-256 of the source exactly as it was passed in. */
  readonly sourceSha256: string;
  /** The regions as requested (empty for stripMetadata). */
  readonly regions: readonly Rect[];
  /**
   * The rectangles actually painted black: the regions clipped to the image and, for JPEG,
   * grown outward to the 8-pixel block grid (see encoders.ts). Always cover `regions`.
   */
  readonly filled: readonly Rect[];
}

/** What the vault stores beside a working copy, so it can be traced to its source and redone. */
export interface WorkingCopyRecord {
  readonly sourceSha256: string;
  readonly regions: readonly Rect[];
  readonly outputSha256: string;
  readonly format: OutputFormat;
  readonly width: number;
  readonly height: number;
}
