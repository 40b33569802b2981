export { TestimonyStore, revisionHashOf } from './testimony-store';
export type {
  RevisionSummary,
  Testimony,
  TestimonyStoreDeps,
  TestimonySummary,
} from './testimony-store';
