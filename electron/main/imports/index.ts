export { importTestimony } from './import-testimony';
export type { ImportDeps, ImportSource } from './import-testimony';
