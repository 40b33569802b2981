/**
 * readBag's findings in the report's vocabulary: one line per kind of check when all is well
 * (a bag of ten thousand files should not print ten thousand lines), and one line per failure,
 * naming the file, when it is not. A check that never ran (a manifest absent altogether) fails.
 */
import type { BagCheck, BagReport } from '../bundles';
import type { CheckName, Checks } from './report';

const ORDER: readonly CheckName[] = [
  'bagit',
  'payload-oxum',
  'manifest-sha256',
  'manifest-sha512',
  'tagmanifest',
];

function nameOf(check: BagCheck): CheckName {
  switch (check.check) {
    case 'oxum':
      return 'payload-oxum';
    case 'tagmanifest':
      return 'tagmanifest';
    case 'manifest':
      // readBag names the algorithm in the detail ("sha512 matches") or the manifest's file name.
      return /sha512/u.test(`${check.file} ${check.detail}`)
        ? 'manifest-sha512'
        : 'manifest-sha256';
    default:
      return 'bagit'; // bagit.txt, bag-info.txt and odd files in the bag
  }
}

const SUMMARY: Partial<Record<CheckName, (n: number) => string>> = {
  'manifest-sha256': (n) => `manifest-sha256.txt: ${n} payload files match`,
  'manifest-sha512': (n) => `manifest-sha512.txt: ${n} payload files match`,
  tagmanifest: (n) => `tagmanifest-sha256.txt: ${n} tag files match`,
};

export function addBagChecks(bag: BagReport, checks: Checks): void {
  const byName = new Map<CheckName, BagCheck[]>(ORDER.map((name) => [name, []]));
  for (const check of bag.checks) byName.get(nameOf(check))?.push(check);
  for (const [name, found] of byName) {
    const failed = found.filter((check) => !check.ok);
    if (found.length === 0) checks.add(name, false, 'not checked: its file is missing');
    for (const check of failed) checks.add(name, false, `${check.file}: ${check.detail}`);
    if (failed.length > 0) continue;
    const summary = SUMMARY[name];
    if (summary) checks.add(name, true, summary(found.length));
    else checks.add(name, true, found.map((c) => `${c.file}: ${c.detail}`).join('; '));
  }
}
