/**
 * The one export in flight, so that other calls can ask how far it got and stop it while the
 * `bundle:export` call that runs it is still pending. One at a time: a second export while one
 * runs (its save dialog included) is refused with CONFLICT. A cancel aborts the job's signal,
 * which the export service turns into EXPORT_CANCELLED after removing its temp file; a lock of
 * the vault cancels the same way, and the job remembers which of the two stopped it.
 */
import { AppError } from '../../../shared/errors';
import type { ExportProgress } from './export-service';

export interface ExportJobStatus {
  readonly running: boolean;
  /** Bytes of the bag's tar produced so far (before encryption). */
  readonly bytes: number;
  readonly files: number;
  /** An estimate of the tar's size, never below `bytes`; absent when unknown. */
  readonly totalBytes?: number;
}

export type CancelReason = 'cancelled' | 'locked';

export class ExportJob {
  private readonly controller = new AbortController();
  private progress: ExportProgress = { bytes: 0, files: 0 };
  private total: number | undefined;
  private reason: CancelReason | undefined;

  constructor(private readonly release: (job: ExportJob) => void) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Why the job was stopped, if it was. */
  get cancelledBy(): CancelReason | undefined {
    return this.reason;
  }

  set totalBytes(bytes: number) {
    this.total = bytes;
  }

  /** For the service's onProgress. */
  readonly report = (progress: ExportProgress): void => {
    this.progress = { bytes: progress.bytes, files: progress.files };
  };

  cancel(reason: CancelReason): void {
    this.reason ??= reason;
    this.controller.abort();
  }

  status(): ExportJobStatus {
    const { bytes, files } = this.progress;
    const total = this.total === undefined ? {} : { totalBytes: Math.max(this.total, bytes) };
    return { running: true, bytes, files, ...total };
  }

  /** Frees the slot for the next export; call once the export has settled. */
  finish(): void {
    this.release(this);
  }
}

export class ExportJobs {
  private current: ExportJob | undefined;

  /** Takes the slot, or refuses while another export holds it. */
  start(): ExportJob {
    if (this.current) {
      throw new AppError('CONFLICT', 'Another bundle is being sealed; wait for it or cancel it');
    }
    const job = new ExportJob((done) => {
      if (this.current === done) this.current = undefined;
    });
    this.current = job;
    return job;
  }

  status(): ExportJobStatus {
    return this.current?.status() ?? { running: false, bytes: 0, files: 0 };
  }

  /** Stops the export in flight; false when there is none. */
  cancel(reason: CancelReason = 'cancelled'): boolean {
    if (!this.current) return false;
    this.current.cancel(reason);
    return true;
  }
}
