/**
 * Peak memory of this process from Linux's VmHWM, for tests and benchmarks that show a stream is
 * never held whole. Off Linux (or where /proc/self/clear_refs may not be written) callers fall
 * back to sampling RSS.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Resets VmHWM to the current RSS; false where the kernel does not allow it. */
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** VmHWM in bytes, or undefined off Linux. */
export function peakRss(): number | undefined {
  if (!existsSync('/proc/self/status')) return undefined;
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : undefined;
}
