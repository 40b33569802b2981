/**
 * Catch the AppError an operation must throw. Anything else — no error, or an untyped one — fails
 * the test with a message saying what happened instead.
 */
import { AppError } from '../../shared/errors';

export async function catchAppError(run: () => unknown): Promise<AppError> {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${describe(error)}`, { cause: error });
  }
  close(result);
  throw new Error('expected an AppError, but the operation succeeded');
}

export function catchAppErrorSync(run: () => unknown): AppError {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${describe(error)}`, { cause: error });
  }
  close(result);
  throw new Error('expected an AppError, but the operation succeeded');
}

/** A vault that opened when it must not is closed, so the failing test leaks no handle. */
function close(result: unknown): void {
  const closable = result as { close?: unknown } | null | undefined;
  if (closable && typeof closable.close === 'function') (closable.close as () => void)();
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${typeof code === 'string' ? `(${code})` : ''}: ${error.message}`;
  }
  return String(error);
}
