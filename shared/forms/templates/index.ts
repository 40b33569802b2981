/**
 * The built-in templates, every version ever shipped: a testimony pins the id and version it was
 * taken with, and must still render with it after the template moves on. Never edit a shipped
 * version; add the next one.
 */
import type { Template } from '../template';
import { TORTURE_DETENTION_V1 } from './torture-detention-v1';

export const TEMPLATES: readonly Template[] = [TORTURE_DETENTION_V1];

/** What a new testimony is taken with. */
export const CURRENT_TEMPLATE: Template = TORTURE_DETENTION_V1;

export function getTemplate(id: string, version: number): Template | undefined {
  return TEMPLATES.find((t) => t.id === id && t.version === version);
}
