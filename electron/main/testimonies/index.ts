export { TestimonyStore, revisionHashOf } from './testimony-store';
export type {
  RevisionSummary,
  SearchHit,
  Testimony,
  TestimonyStoreDeps,
  TestimonySummary,
} from './testimony-store';
