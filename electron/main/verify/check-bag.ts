/**
 * Every check after the archive was read, over a BagView: the same for `svidok verify` (a folder
 * it extracted) and the app's "Open bundle" (the tar read in memory). Each runs even when an
 * earlier one failed, so the report shows all that is wrong at once.
 */
import { readBag } from '../bundles';
import type { BagView } from '../bundles';
import { addBagChecks } from './bag-checks';
import { checkCustody } from './custody-check';
import type { DeviceKey } from './device-key';
import type { Checks } from './report';
import { checkSignature } from './signature-check';
import { checkTestimonies } from './testimony-check';

export const BUNDLE_ID = /^svidok-[0-9]{8}-[0-9a-f]{8}$/u;

/** Adds bundle-id, BagIt, signature, device-key, custody and testimony checks; returns the key id. */
export async function checkBag(
  view: BagView,
  top: string,
  fileName: string,
  pinned: DeviceKey | undefined,
  checks: Checks,
): Promise<{ keyId: string | null }> {
  const bag = await readBag(view);
  checkBundleId(bag.info, top, fileName, checks);
  addBagChecks(bag, checks);
  const key = await checkSignature(view, top, pinned, checks);
  const signed = checks.list.find((check) => check.name === 'signature')?.ok === true;
  const facts = await checkCustody(view, key, checks);
  await checkTestimonies(view, facts, checks);
  return { keyId: signed && key ? key.keyId : null };
}

/** The top folder is the bundle id, and bag-info.txt's External-Identifier says the same. */
function checkBundleId(
  info: ReadonlyArray<readonly [string, string]>,
  top: string,
  fileName: string,
  checks: Checks,
): void {
  if (!BUNDLE_ID.test(top)) {
    checks.add('bundle-id', false, `${top}/: not a bundle id (svidok-YYYYMMDD-<8 hex>)`);
    return;
  }
  const declared = info.find(([label]) => label.toLowerCase() === 'external-identifier')?.[1];
  if (declared !== top) {
    checks.add(
      'bundle-id',
      false,
      `bag-info.txt: External-Identifier ${JSON.stringify(declared ?? '')} is not ${top}`,
    );
    return;
  }
  // The file name is not signed (anyone may rename a file), so a difference is only shown.
  const renamed = fileName === `${top}.svidok.age` ? '' : `; the file is named ${fileName}`;
  checks.add('bundle-id', true, `${top}: the top folder and bag-info.txt agree${renamed}`);
}
