/**
 * Keystroke-to-paint while typing into a 50,000-character narrative of a fully filled interview
 * (issue 4), in Chromium, beside a peer measured in the same browser: a bare <textarea> holding
 * the same text on an empty page. Typing comes in bursts with pauses, so autosaves run between
 * and during them, as when an interviewer types. Writes test-results/bench-keystroke.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { catalogues } from '../../../shared/i18n';
import { test } from '../../e2e/rig/fixtures';
import { createVault } from '../../e2e/rig/flows';
import { fillInterview, narrativeOf } from './fill';
import { installKeystrokeProbe, percentile, readKeystrokeTimes } from './measure';

const CHARS = 50_000;
const BURSTS = 20;
// Cyrillic as interviewers type it, with Latin and punctuation among it.
const BURST = 'і ще раз, «Azov» 12: ';
const WARMUP = 10;
const m = catalogues.uk;

test.use({ uiLocale: 'uk-UA' });

async function typeBursts(page: Page): Promise<number[]> {
  await installKeystrokeProbe(page);
  for (let i = 0; i < BURSTS; i++) {
    await page.keyboard.type(BURST, { delay: 35 });
    await page.waitForTimeout(600); // a pause: the autosave fires
  }
  return (await readKeystrokeTimes(page)).slice(WARMUP);
}

function summary(times: readonly number[]) {
  return {
    keystrokes: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
  };
}

test('keystroke-to-paint in a 50,000-character narrative of a fully filled interview', async ({
  page,
  rig,
  context,
}) => {
  await page.goto(rig.url);
  await createVault(page, m);
  await fillInterview(rig.api, 'BENCH-1', CHARS);
  await page.reload();
  await page.getByRole('button', { name: /BENCH-1/ }).click();
  const editor = page.getByLabel(m.testimony.narrative);
  await expect(editor).toBeEditable();
  expect((await editor.inputValue()).length).toBe(CHARS);
  await editor.focus();
  await page.keyboard.press('Control+End');
  const svidok = summary(await typeBursts(page));
  await expect(editor).toHaveValue(/«Azov» 12: $/);

  const peer = await context.newPage();
  await peer.setContent('<textarea id="t" style="width:900px;height:600px"></textarea>');
  await peer.locator('#t').fill(narrativeOf(CHARS));
  await peer.locator('#t').focus();
  await peer.keyboard.press('Control+End');
  const plain = summary(await typeBursts(peer));

  const result = {
    chromium: context.browser()?.version() ?? 'unknown',
    chars: CHARS,
    svidok,
    plainTextarea: plain,
    ratioP95: svidok.p95 / plain.p95,
    goalP95Ms: 16,
  };
  const out = join(__dirname, '..', '..', '..', 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench-keystroke.json'), JSON.stringify(result, null, 2));
  const row = (name: string, s: typeof svidok) =>
    `  ${name.padEnd(28)} ${s.keystrokes} keys   p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms   max ${s.max.toFixed(1)} ms`;
  console.log(
    [
      `keystroke-to-paint, ${CHARS} characters (Chromium ${result.chromium}):`,
      row('Svidok, filled interview', svidok),
      row('plain <textarea> (peer)', plain),
      `  p95 ratio Svidok/peer ${result.ratioP95.toFixed(2)}x; goal p95 < 16 ms: ${svidok.p95 < 16 ? 'met' : 'NOT met'}`,
    ].join('\n'),
  );
  // Not a time assertion: proof that keystrokes were measured at all.
  expect(svidok.keystrokes).toBe(BURSTS * [...BURST].length - WARMUP);
  expect(plain.keystrokes).toBe(svidok.keystrokes);
});
