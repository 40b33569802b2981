/**
 * Image redaction: blackout regions rendered into a new image, and every byte of metadata left
 * behind. Works on buffers only (no temp files); the vault decides where the result is kept.
 */
export { blackoutImage, imageInfo, stripMetadata } from './blackout';
export { previewImage } from './preview';
export type { ImagePreview } from './preview';
export { workingCopyRecord } from './record';
export { MAX_INPUT_BYTES, MAX_INPUT_PIXELS, MAX_REGIONS } from './limits';
export type {
  ImageInfo,
  OutputFormat,
  Rect,
  RedactedImage,
  RedactionOptions,
  SourceFormat,
  WorkingCopyRecord,
} from './types';
