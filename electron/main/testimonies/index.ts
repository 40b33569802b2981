export { TestimonyStore, revisionHashOf } from './testimony-store';
export type {
  RevisionSummary,
  SearchHit,
  TemplatePin,
  Testimony,
  TestimonyConsent,
  TestimonyStoreDeps,
  TestimonySummary,
} from './testimony-store';
