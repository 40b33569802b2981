/** The repo's root folder, with a trailing slash. */
export const REPO_ROOT: string;
/** The path of a .cjs bundle of `entry` (relative to the repo root, or absolute); once per process. */
export function bundleEntry(entry: string): Promise<string>;
/** Removes every bundle this process made. */
export function removeBundles(): void;
