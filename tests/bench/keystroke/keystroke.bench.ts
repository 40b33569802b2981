/**
 * Keystroke-to-paint while typing into a 50,000-character narrative of a fully filled interview
 * (issue 4), in Chromium, beside a peer measured in the same browser: a bare <textarea> holding
 * the same text on an empty page. Typing comes in bursts with pauses, so autosaves run between
 * and during them, as when an interviewer types. Writes test-results/bench-keystroke.json.
 *
 * Measured twice. "Frame-paced" is Chromium as it runs: a key waits for the next 60 Hz frame,
 * up to 16.7 ms that no page can shorten (an empty textarea's p95 is ~16.5 ms), so that figure
 * cannot tell whether the page's own work fits a frame. "Unpaced" starts Chromium without the
 * frame clock (--disable-gpu-vsync --disable-frame-rate-limit): a frame is made as soon as there
 * is something to show, so the figure is the keystroke's own work (input, script, style, layout,
 * paint). The goal (p95 < 16 ms, one frame) is read on the unpaced figure: work that fits in a
 * frame appears in the next one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { catalogues } from '../../../shared/i18n';
import { installBridge } from '../../e2e/rig/bridge';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/rig/chromium';
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
const UNPACED = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

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
type Summary = ReturnType<typeof summary>;

/** Types into the open testimony's narrative, then into a bare textarea in a new page. */
async function measurePair(page: Page, context: BrowserContext) {
  const editor = page.getByLabel(m.testimony.narrative);
  await expect(editor).toBeEditable();
  expect((await editor.inputValue()).length).toBeGreaterThanOrEqual(CHARS);
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
  await peer.close();
  // Not a time assertion: proof that keystrokes were measured at all.
  expect(svidok.keystrokes).toBe(BURSTS * [...BURST].length - WARMUP);
  expect(plain.keystrokes).toBe(svidok.keystrokes);
  return { svidok, plainTextarea: plain, ratioP95: svidok.p95 / plain.p95 };
}

async function openNarrative(page: Page) {
  await page.getByRole('button', { name: /BENCH-1/ }).click();
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
  await openNarrative(page);
  const paced = await measurePair(page, context);
  await page.close();

  // The same vault (still unlocked in the rig), in a Chromium without the frame clock.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...UNPACED],
  });
  const unpacedContext = await browser.newContext({
    locale: 'uk-UA',
    viewport: { width: 1280, height: 820 },
  });
  await unpacedContext.addInitScript(installBridge, rig.token);
  const unpacedPage = await unpacedContext.newPage();
  await unpacedPage.goto(rig.url);
  await openNarrative(unpacedPage);
  const unpaced = await measurePair(unpacedPage, unpacedContext);
  await browser.close();

  const result = {
    chromium: context.browser()?.version() ?? 'unknown',
    chars: CHARS,
    framePaced: paced,
    unpaced: { ...unpaced, flags: UNPACED },
    goalP95Ms: 16,
    goalMet: unpaced.svidok.p95 < 16,
  };
  const out = join(__dirname, '..', '..', '..', 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'bench-keystroke.json'), JSON.stringify(result, null, 2));
  const row = (name: string, s: Summary) =>
    `  ${name.padEnd(34)} ${s.keystrokes} keys   p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms   max ${s.max.toFixed(1)} ms`;
  const block = (title: string, r: typeof paced) => [
    title,
    row('Svidok, filled interview', r.svidok),
    row('plain <textarea> (peer)', r.plainTextarea),
    `  p95 ratio Svidok/peer ${r.ratioP95.toFixed(2)}x`,
  ];
  console.log(
    [
      `keystroke-to-paint, ${CHARS} characters (Chromium ${result.chromium}):`,
      ...block('frame-paced (includes the wait for the next 60 Hz frame):', paced),
      ...block(`unpaced (${UNPACED.join(' ')}: the keystroke's own work):`, unpaced),
      `goal p95 < 16 ms (unpaced): ${result.goalMet ? 'met' : 'NOT met'}`,
    ].join('\n'),
  );
});
