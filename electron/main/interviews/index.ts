export { InterviewStore } from './interview-store';
export type {
  ConsentView,
  Interview,
  InterviewStoreDeps,
  SavedSection,
  SectionState,
} from './interview-store';
export { ConsentGate } from './consent-gate';
export type { ConsentSummary } from './consent-gate';
export type { NewEvent } from './interview-events';
export { sectionRevisionHashOf } from './section-revisions';
export { registerLinks } from './answer-check';
