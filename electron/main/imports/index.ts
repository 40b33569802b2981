export { importTestimony } from './import-testimony';
export type { ImportDeps } from './import-testimony';
