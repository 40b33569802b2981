import { createContext, useContext, useEffect } from 'react';

/**
 * Editors register a flush function here so that locking first writes what was typed: a lock
 * must never cost the last keystrokes of a testimony.
 */
export type Flush = () => Promise<void>;

export class SaveRegistry {
  private readonly flushes = new Set<Flush>();

  register(flush: Flush): () => void {
    this.flushes.add(flush);
    return () => this.flushes.delete(flush);
  }

  /** Flushes every editor, waiting at most `timeoutMs` so a stuck disk cannot block a lock. */
  async flushAll(timeoutMs: number): Promise<void> {
    const all = Promise.allSettled([...this.flushes].map((f) => f()));
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  }
}

export const SaveRegistryContext = createContext<SaveRegistry | null>(null);

export function useRegisterFlush(flush: Flush): void {
  const registry = useContext(SaveRegistryContext);
  useEffect(() => registry?.register(flush), [registry, flush]);
}
