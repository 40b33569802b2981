/**
 * Keystroke-to-paint, measured in the page with performance marks: a mark when the keystroke's
 * `beforeinput` arrives (typed Cyrillic reaches the page as text input without a keydown, so
 * keydown would miss most of it), and a measure once the frame that shows it has been produced
 * (a task queued from the next animation frame). Installed once per page; one measure per key.
 */
import type { Page } from '@playwright/test';

export async function installKeystrokeProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    let n = 0;
    const channel = new MessageChannel();
    const pending: string[] = [];
    // A message task runs after the frame's rendering steps, without setTimeout's clamping.
    channel.port1.onmessage = () => {
      const name = pending.shift();
      if (name) performance.measure(`paint:${name}`, `key:${name}`);
    };
    document.addEventListener(
      'beforeinput',
      () => {
        const name = String(++n);
        performance.mark(`key:${name}`);
        requestAnimationFrame(() => {
          pending.push(name);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  });
}

export async function readKeystrokeTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const times = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('paint:'))
      .map((e) => e.duration);
    performance.clearMarks();
    performance.clearMeasures();
    return times;
  });
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
