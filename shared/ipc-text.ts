/**
 * Small schemas every part of the IPC table uses (shared/ipc.ts and the channel groups spread
 * into it), kept apart so those groups need not import the table they belong to.
 */
import { z } from 'zod';

export const id = z.uuid();
export const isoTime = z.string().max(40);
export const none = z.strictObject({});

/** A lone surrogate cannot be stored as UTF-8: SQLite would silently turn it into U+FFFD. */
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const wellFormedText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !LONE_SURROGATE.test(s), 'text contains a broken character');
