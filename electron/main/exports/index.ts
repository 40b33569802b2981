export { ExportService, newBundleId } from './export-service';
export type {
  ExportOptions,
  ExportProgress,
  ExportResult,
  ExportServiceDeps,
} from './export-service';
export { custodyExcerptLines } from './custody-excerpt';
export type { OmittedRun } from './custody-excerpt';
export { registerRefs, sha256Hex, testimonyDocument } from './testimony-document';
export { uniqueName } from './bag-content-names';
export { currentDocument } from './current-document';
export type { CurrentDocument, CurrentDocumentDeps } from './current-document';
export { ExportJob, ExportJobs } from './export-jobs';
export type { CancelReason, ExportJobStatus } from './export-jobs';
