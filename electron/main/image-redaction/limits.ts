/**
 * Bounds on what we agree to decode. A redaction request comes from the renderer or the CLI, and
 * the image itself is outside input: a small file can declare billions of pixels.
 */

/** Larger than any phone photo; a 64 MiB buffer is already in memory when we are called. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** 100 megapixels: well above a phone photo (12–50 MP) and still bounded in memory. */
export const MAX_INPUT_PIXELS = 100_000_000;

/** More boxes than this is a mistake in the caller, not a redaction. */
export const MAX_REGIONS = 100;

export const DEFAULT_JPEG_QUALITY = 90;
