/** Where the app keeps its vault, computed the way Electron computes `userData` for "Svidok". */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'Svidok';

export function defaultVaultDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  let appData: string;
  if (platform === 'win32') appData = env['APPDATA'] ?? join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') appData = join(home, 'Library', 'Application Support');
  else appData = env['XDG_CONFIG_HOME'] || join(home, '.config');
  return join(appData, APP_DIR_NAME, 'vault');
}
