// The renderer's JS heap: a full garbage collection, then the used and allocated size of the
// page's main-thread V8 heap (DevTools protocol). Workers have heaps of their own, not counted.
import type { Page } from '@playwright/test';

export interface HeapUse {
  readonly usedBytes: number;
  readonly totalBytes: number;
}

export async function jsHeap(page: Page): Promise<HeapUse> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    return { usedBytes: usedSize, totalBytes: totalSize };
  } finally {
    await cdp.detach();
  }
}
