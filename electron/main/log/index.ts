/**
 * The app's log. Entries are an event name and a few primitive fields (codes, channel names,
 * counts): never free text, so testimony data has no way in. Lines are JSON, one per entry.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogField = string | number | boolean;
export type LogFields = Readonly<Record<string, LogField>>;
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export type LogSink = (line: string) => void;

export function createLogger(sink: LogSink): Logger {
  const write = (level: LogLevel, event: string, fields?: LogFields): void => {
    sink(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }));
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** A sink appending to a file; the folder is created owner-only. */
export function fileSink(path: string): LogSink {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  return (line) => {
    try {
      appendFileSync(path, line + '\n', { mode: 0o600 });
    } catch {
      // A full disk must not turn logging into a crash of the save path.
    }
  };
}

export function memorySink(lines: string[]): LogSink {
  return (line) => {
    lines.push(line);
  };
}

export const silentLogger: Logger = createLogger(() => {});
