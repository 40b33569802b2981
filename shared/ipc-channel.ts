/**
 * The one Electron IPC channel that carries every call; the table's name travels inside it.
 * Its own file so the sandboxed preload can import it without pulling zod into its bundle.
 */
export const IPC_INVOKE_CHANNEL = 'svidok:invoke';
