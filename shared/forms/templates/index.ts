/**
 * The built-in templates, every version ever shipped: a testimony pins the id and version it was
 * taken with, and must still render with it after the template moves on. Never edit a shipped
 * version; add the next one.
 */
import type { Template } from '../template';
import { TORTURE_DETENTION_V1 } from './torture-detention-v1';
import { TORTURE_DETENTION_V2 } from './torture-detention-v2';

export const TEMPLATES: readonly Template[] = [TORTURE_DETENTION_V1, TORTURE_DETENTION_V2];

/** What a new testimony is taken with: v2 links co-detainees and witnesses to a register. */
export const CURRENT_TEMPLATE: Template = TORTURE_DETENTION_V2;

export function getTemplate(id: string, version: number): Template | undefined {
  return TEMPLATES.find((t) => t.id === id && t.version === version);
}
