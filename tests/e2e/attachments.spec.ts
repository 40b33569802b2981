/**
 * Attachments in the UI: hostile file names (markup, a right-to-left override, a 250-byte
 * Cyrillic name) and an empty file go in, are listed exactly, as text; their content reaches no
 * file of the run in plaintext (the scan covers blobs/).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogues } from '../../shared/i18n';
import { scanForMarker } from '../helpers/scan';
import { expect, test } from './rig/fixtures';
import { createTestimony, createVault, unlock } from './rig/flows';

const m = catalogues.en;
test.use({ uiLocale: 'en-US' });

test('hostile file names and an empty file round-trip and display as text', async ({
  page,
  rig,
}, testInfo) => {
  const marker = `МАРКЕР-${randomUUID()}-attachment`;
  // The interviewer's own files live outside the run's folder, as on a real machine.
  const sources = mkdtempSync(join(tmpdir(), 'svidok-e2e-sources-'));
  try {
    const longName = 'д'.repeat(121) + '.txt'; // 121 × 2 bytes + 4 = 246 bytes of UTF-8
    const names = [
      '<img src=x onerror="window.__pwned=1">.txt',
      '\u202Egnp.exe',
      longName,
      'empty.bin',
    ];
    const paths = names.map((n) => join(sources, n));
    names.forEach((n, i) => writeFileSync(paths[i]!, n === 'empty.bin' ? '' : `${marker} ${i}`));

    await page.goto(`${rig.url}/`);
    await createVault(page, m);
    await createTestimony(page, m, 'ATT-1');
    rig.filesToPick.push(...paths);
    await page.getByRole('button', { name: m.attachments.add }).click();
    const listed = page.locator('.attachment-list .file-name');
    // Exactly the names, except that the override is shown, not obeyed.
    const shown = names.map((n) => n.replace('\u202E', '[U+202E]'));
    await expect(listed).toHaveText(shown);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.attachments img').count()).toBe(0);
    await page.screenshot({ path: testInfo.outputPath('01-attachments.png'), fullPage: true });

    await page.getByRole('button', { name: m.vault.lock }).click();
    await unlock(page, m);
    await page.getByRole('button', { name: 'ATT-1' }).click();
    await expect(listed).toHaveText(shown);
    // The stored names are the originals, byte for byte.
    const stored = rig.api.services.attachments
      .list(rig.api.services.testimonies.idByCode('ATT-1'))
      .map((a) => a.fileName);
    expect(stored).toEqual(names);

    await page.context().close();
    rig.api.shutdown();
    expect(scanForMarker(rig.root, marker)).toEqual([]);
    // Control: the scanner does find the marker where it really is.
    expect(scanForMarker(sources, marker).length).toBe(3);
  } finally {
    rmSync(sources, { recursive: true, force: true });
  }
});
