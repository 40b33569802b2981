/**
 * The vault as the app sees it: absent, locked, unlocked or destroyed. Holds at most one open
 * Vault and hands its database to other services only while unlocked.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../log';
import { checkpointLeftoverWal, startIdleCheckpoints } from './checkpoints';
import type { Db } from './database';
import { DESTROY_CONFIRMATION, destroyHeader, removeDestroyedRemains } from './destroy';
import { headerStatus, peekVaultId } from './header';
import { Vault, vaultPaths } from './vault';
import type { CreateVaultOptions } from './vault';

export type VaultState = 'absent' | 'locked' | 'unlocked' | 'destroyed';

export interface CreatedVault {
  readonly state: 'unlocked';
  /** The printed recovery key: shown to the user now, stored nowhere, never returned again. */
  readonly recoveryKey: string;
}

export class VaultService {
  private vault: Vault | undefined;
  private pending: Promise<unknown> | undefined;
  private readonly lockListeners = new Set<() => void>();
  private stopCheckpoints: (() => void) | undefined;

  constructor(
    readonly dir: string,
    private readonly log: Logger,
    private readonly options: CreateVaultOptions = {},
  ) {}

  state(): VaultState {
    if (this.vault?.isOpen) return 'unlocked';
    const paths = vaultPaths(this.dir);
    const header = headerStatus(paths.header);
    if (header === 'destroyed') return 'destroyed';
    return header === 'present' || existsSync(paths.database) ? 'locked' : 'absent';
  }

  /**
   * Creates the vault and returns its recovery key, once. A folder holding a destroyed vault is
   * refused (VAULT_DESTROYED) unless `replaceDestroyed` says the user chose a new vault there.
   */
  async create(
    passphrase: string,
    options: { readonly replaceDestroyed?: boolean } = {},
  ): Promise<CreatedVault> {
    return this.exclusive(async (): Promise<CreatedVault> => {
      const state = this.state();
      if (state === 'destroyed' && !options.replaceDestroyed) {
        throw new AppError('VAULT_DESTROYED', 'This folder holds a destroyed vault');
      }
      if (state !== 'absent' && state !== 'destroyed') {
        throw new AppError('VAULT_EXISTS', 'A vault already exists in this folder');
      }
      const vault = await Vault.create(this.dir, passphrase, {
        ...this.options,
        replaceDestroyed: state === 'destroyed',
      });
      const recoveryKey = vault.takeRecoveryKey();
      if (recoveryKey === undefined) {
        vault.close();
        throw new Error('a new vault has a recovery key');
      }
      this.opened(vault);
      this.log.info('vault.created', state === 'destroyed' ? { replacedDestroyed: true } : {});
      return { state: 'unlocked', recoveryKey };
    });
  }

  async unlock(passphrase: string): Promise<VaultState> {
    return this.unlockWith('passphrase', () => Vault.open(this.dir, passphrase));
  }

  /** Unlocks with the printed recovery key; the user should then set a new passphrase. */
  async unlockWithRecoveryKey(recoveryKey: string): Promise<VaultState> {
    return this.unlockWith('recovery_key', () => Vault.openWithRecoveryKey(this.dir, recoveryKey));
  }

  /**
   * Replaces the passphrase. `current` is the passphrase in use or the recovery key; `next`
   * follows the rules of create. Only the one slot and the header MAC change.
   */
  async changePassphrase(current: string, next: string): Promise<VaultState> {
    return this.exclusive(async (): Promise<VaultState> => {
      if (!this.vault?.isOpen) throw new AppError('VAULT_LOCKED', 'The vault is locked');
      try {
        await this.vault.changePassphrase(current, next, { kdf: this.options.kdf });
      } catch (error) {
        this.log.warn('vault.passphrase_change_failed', {
          code: error instanceof AppError ? error.code : 'INTERNAL',
        });
        throw error;
      }
      this.log.info('vault.passphrase_changed');
      return 'unlocked';
    });
  }

  /**
   * Crypto-shreds the vault (see destroy.ts for what that does and does not guarantee) once the
   * user has typed DESTROY_CONFIRMATION exactly. Works locked or unlocked, without a passphrase:
   * it must be quick at a checkpoint, and whoever holds the laptop could delete the folder anyway.
   */
  async destroy(confirmation: string): Promise<VaultState> {
    if (confirmation !== DESTROY_CONFIRMATION) {
      throw new AppError('DESTROY_NOT_CONFIRMED', 'The confirmation was not typed exactly');
    }
    return this.exclusive(async (): Promise<VaultState> => {
      const state = this.state();
      if (state === 'destroyed') return 'destroyed';
      if (state === 'absent') throw new AppError('VAULT_MISSING', 'There is no vault yet');
      const header = vaultPaths(this.dir).header;
      const vaultId = this.vault?.isOpen ? this.vault.header.vaultId : peekVaultId(header);
      this.lock();
      destroyHeader(header, vaultId);
      this.log.info('vault.destroyed');
      try {
        removeDestroyedRemains(this.dir, vaultPaths(this.dir).database);
      } catch (error) {
        // The keys are gone already: the vault is destroyed whatever is left of its ciphertext.
        this.log.warn('vault.destroy_remains_left', {
          code: String((error as { code?: unknown }).code ?? 'INTERNAL'),
        });
      }
      return 'destroyed';
    });
  }

  /**
   * The raw database key (64 hex digits) for an auditor opening vault.db with stock SQLCipher 4.
   * As sensitive as the passphrase; the caller shows it and drops it, and never logs it.
   */
  auditKeyHex(): string {
    if (!this.vault?.isOpen) throw new AppError('VAULT_LOCKED', 'The vault is locked');
    const hex = this.vault.auditKeyHex();
    this.log.info('vault.audit_key_exported');
    return hex;
  }

  private async unlockWith(method: string, open: () => Promise<Vault>): Promise<VaultState> {
    return this.exclusive(async (): Promise<VaultState> => {
      if (this.vault?.isOpen) return 'unlocked';
      const state = this.state();
      if (state === 'absent') throw new AppError('VAULT_MISSING', 'There is no vault yet');
      try {
        if (state === 'destroyed') {
          throw new AppError('VAULT_DESTROYED', 'This vault was destroyed');
        }
        this.opened(await open());
      } catch (error) {
        this.log.warn('vault.unlock_failed', {
          method,
          code: error instanceof AppError ? error.code : 'INTERNAL',
          ...failureDetail(error),
        });
        throw error;
      }
      this.log.info('vault.unlocked', { method });
      const rebuilt = this.vault?.searchRebuilt ?? [];
      // Which index, never what is in it.
      if (rebuilt.length > 0)
        this.log.warn('vault.search_index_rebuilt', { tables: rebuilt.join(',') });
      return 'unlocked';
    });
  }

  lock(): VaultState {
    if (this.vault) {
      for (const listener of this.lockListeners) listener();
      this.stopCheckpoints?.();
      this.stopCheckpoints = undefined;
      this.vault.close();
      this.vault = undefined;
      this.log.info('vault.locked');
    }
    return this.state();
  }

  private opened(vault: Vault): void {
    this.vault = vault;
    const walPath = `${vaultPaths(this.dir).database}-wal`;
    if (!checkpointLeftoverWal(vault.db, walPath)) this.log.warn('vault.checkpoint_failed');
    this.stopCheckpoints = startIdleCheckpoints(vault.db, walPath, () =>
      this.log.warn('vault.checkpoint_failed'),
    );
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

/**
 * What a failed unlock's log line may say beyond the code: the fixed message of our own error
 * (never data, see shared/errors.ts) and the SQLite or OS error code underneath, so that a
 * damaged vault report tells which check failed.
 */
function failureDetail(error: unknown): Record<string, string> {
  const detail: Record<string, string> = {};
  if (error instanceof AppError) detail.reason = error.message;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof cause === 'string' && /^[A-Z_0-9]{1,40}$/.test(cause)) detail.cause = cause;
  const finding = (error as { cause?: { finding?: unknown } } | null)?.cause?.finding;
  if (typeof finding === 'string')
    detail.finding = finding.replace(/[^\w *:().,-]/g, '?').slice(0, 200);
  return detail;
}
