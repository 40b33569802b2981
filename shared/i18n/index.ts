import { en } from './en';
import { uk } from './uk';

export type { Messages } from './en';
export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const catalogues = { en, uk } as const;
