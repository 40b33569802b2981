/** The shell's public face: the only folder of main that imports 'electron'. */
export { runApp } from './lifecycle';
export type { AppDeps } from './lifecycle';
export { APP_ORIGIN, APP_INDEX_URL, isTrustedSender } from './app-origin';
export { CSP } from './csp';
