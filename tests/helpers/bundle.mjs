// Bundles a TypeScript entry of this repo into one CommonJS file that plain `node` runs, for tests
// and benchmarks that need a second process (the crash test's child, the benchmark itself) without
// a build step. Native and WebAssembly packages stay outside the bundle and are loaded from this
// repo's node_modules by absolute path, so the bundle can live in a temp folder.
// Plain JavaScript so that the benchmark runner (tests/bench/run.mjs) can use it before anything
// TypeScript has been bundled; types are in bundle.d.mts.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Native addons (and libsodium's wasm) load from node_modules, never from the bundle.
const EXTERNAL = ['better-sqlite3-multiple-ciphers', 'libsodium-wrappers-sumo', 'sharp'];
const fromRepo = createRequire(join(REPO_ROOT, 'package.json'));

/** @type {Map<string, Promise<string>>} */
const cache = new Map();
/** @type {string | undefined} */
let outDir;

/**
 * The path of a .cjs bundle of `entry` (a path relative to the repo root, or absolute). Built once
 * per process; later calls return the same file.
 * @param {string} entry
 * @returns {Promise<string>}
 */
export function bundleEntry(entry) {
  const input = resolve(REPO_ROOT, entry);
  let built = cache.get(input);
  if (!built) {
    built = build(input);
    cache.set(input, built);
    built.catch(() => cache.delete(input));
  }
  return built;
}

/** Removes every bundle this process made. */
export function removeBundles() {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  outDir = undefined;
  cache.clear();
}

/** @param {string} input */
async function build(input) {
  outDir ??= mkdtempSync(join(tmpdir(), 'svidok-bundle-'));
  const file = join(outDir, `${basename(input).replace(/\.[cm]?ts$/, '')}.cjs`);
  const paths = Object.fromEntries(EXTERNAL.map((name) => [name, fromRepo.resolve(name)]));
  const bundle = await rolldown({ input, platform: 'node', external: EXTERNAL, logLevel: 'warn' });
  try {
    await bundle.write({ file, format: 'cjs', paths, sourcemap: true });
  } finally {
    await bundle.close();
  }
  return file;
}

process.once('exit', removeBundles);
