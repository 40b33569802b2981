/** Rules of the vault that the UI must know too, in one place for both sides. */
export const MIN_PASSPHRASE_CHARS = 12;
/** Typed exactly, in any UI language, to crypto-shred a vault: hard to type by accident. */
export const DESTROY_CONFIRMATION = 'DESTROY';
