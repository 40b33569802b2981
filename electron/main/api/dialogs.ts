/**
 * Files are chosen in main, never named by the renderer: the shell shows the OS dialogs, the e2e
 * rig answers with the files a test prepared. A renderer can thus never point main at a path.
 */
export interface Dialogs {
  /** Paths of the files the interviewer chose to attach; empty when cancelled. */
  pickFilesToAttach(): Promise<string[]>;
  /** Where to save an exported file, suggested under `fileName`; null when cancelled. */
  pickSaveTarget(fileName: string): Promise<string | null>;
  /** One file to read: a sealed bundle, or the recipient's age key file; null when cancelled. */
  pickFileToOpen(kind: 'bundle' | 'identity'): Promise<string | null>;
}

/** For the CLI and tests that never ask. */
export const noDialogs: Dialogs = {
  pickFilesToAttach: async () => [],
  pickSaveTarget: async () => null,
  pickFileToOpen: async () => null,
};
