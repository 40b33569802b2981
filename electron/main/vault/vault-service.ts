/**
 * The vault as the app sees it: absent, locked or unlocked. Holds at most one open Vault and
 * hands its database to other services only while unlocked.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../log';
import type { Db } from './database';
import { Vault, vaultPaths } from './vault';
import type { CreateVaultOptions } from './vault';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export class VaultService {
  private vault: Vault | undefined;
  private pending: Promise<unknown> | undefined;
  private readonly lockListeners = new Set<() => void>();

  constructor(
    readonly dir: string,
    private readonly log: Logger,
    private readonly options: CreateVaultOptions = {},
  ) {}

  state(): VaultState {
    if (this.vault?.isOpen) return 'unlocked';
    const paths = vaultPaths(this.dir);
    return existsSync(paths.header) || existsSync(paths.database) ? 'locked' : 'absent';
  }

  async create(passphrase: string): Promise<VaultState> {
    return this.exclusive(async (): Promise<VaultState> => {
      if (this.state() !== 'absent') {
        throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder');
      }
      this.vault = await Vault.create(this.dir, passphrase, this.options);
      this.log.info('vault.created');
      return 'unlocked';
    });
  }

  async unlock(passphrase: string): Promise<VaultState> {
    return this.exclusive(async (): Promise<VaultState> => {
      if (this.vault?.isOpen) return 'unlocked';
      if (this.state() === 'absent') throw new AppError('VAULT_MISSING', 'There is no vault yet');
      try {
        this.vault = await Vault.open(this.dir, passphrase);
      } catch (error) {
        this.log.warn('vault.unlock_failed', {
          code: error instanceof AppError ? error.code : 'INTERNAL',
        });
        throw error;
      }
      this.log.info('vault.unlocked');
      return 'unlocked';
    });
  }

  lock(): VaultState {
    if (this.vault) {
      for (const listener of this.lockListeners) listener();
      this.vault.close();
      this.vault = undefined;
      this.log.info('vault.locked');
    }
    return this.state();
  }

  /** Called before the database closes, so services can drop anything they cached. */
  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** See Vault.subkey: a copy the caller wipes. */
  subkey(purpose: 'blobs' | 'signing'): Uint8Array {
    if (!this.vault?.isOpen) throw new AppError('VAULT_LOCKED', 'The vault is locked');
    return this.vault.subkey(purpose);
  }

  /** The open vault's id, stable for its lifetime (custody entries name it). */
  vaultId(): string {
    if (!this.vault?.isOpen) throw new AppError('VAULT_LOCKED', 'The vault is locked');
    return this.vault.header.vaultId;
  }

  database(): Db {
    if (!this.vault?.isOpen) throw new AppError('VAULT_LOCKED', 'The vault is locked');
    return this.vault.db;
  }

  /** Create and unlock run Argon2id; a second click must not start a second vault. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.pending) await this.pending.catch(() => undefined);
    const run = work();
    this.pending = run;
    try {
      return await run;
    } finally {
      this.pending = undefined;
    }
  }
}
