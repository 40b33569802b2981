export { VaultService } from './vault-service';
export type { VaultState } from './vault-service';
export { Vault, vaultPaths, MIN_PASSPHRASE_CHARS } from './vault';
export type { CreateVaultOptions } from './vault';
export type { Db } from './database';
export { KDF_DEFAULT, KDF_FLOOR } from './kdf';
export type { KdfCost } from './kdf';
export { MIGRATIONS, migrate, schemaVersion } from './migrations';
export type { Migration } from './migrations';
