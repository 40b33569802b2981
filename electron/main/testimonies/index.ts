export { TestimonyStore } from './testimony-store';
export type { Testimony, TestimonySummary } from './testimony-store';
