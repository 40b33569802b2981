/**
 * The keyboard shortcuts, in one list: the help dialog shows it, the handlers match against it.
 * Letters are matched by physical key (event.code), so they work with a Ukrainian layout too.
 */
export type ShortcutAction = 'lock' | 'help' | 'break' | 'next' | 'previous' | 'skip';

export interface Shortcut {
  readonly action: ShortcutAction;
  /** As shown to the interviewer; the same on every keyboard layout. */
  readonly keys: readonly string[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'help', keys: ['F1', 'Ctrl+/'] },
  { action: 'lock', keys: ['Ctrl+L'] },
  { action: 'break', keys: ['Alt+B'] },
  { action: 'next', keys: ['Alt+N'] },
  { action: 'previous', keys: ['Alt+P'] },
  { action: 'skip', keys: ['Alt+S'] },
];

/** For aria-keyshortcuts: the first key combination of an action. */
export function ariaKeys(action: ShortcutAction): string {
  const keys = SHORTCUTS.find((s) => s.action === action)?.keys[0] ?? '';
  return keys.replace('Ctrl', 'Control');
}

export function matchShortcut(event: KeyboardEvent): ShortcutAction | null {
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.key === 'F1' && !ctrl && !event.altKey) return 'help';
  if (ctrl && !event.altKey && (event.code === 'Slash' || event.key === '/')) return 'help';
  if (ctrl && !event.altKey && !event.shiftKey && (event.code === 'KeyL' || event.key === 'l'))
    return 'lock';
  if (event.altKey && !ctrl && !event.shiftKey) {
    switch (event.code) {
      case 'KeyB':
        return 'break';
      case 'KeyN':
        return 'next';
      case 'KeyP':
        return 'previous';
      case 'KeyS':
        return 'skip';
    }
  }
  return null;
}

/** True while a modal dialog is open: page shortcuts other than lock wait for it to close. */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
