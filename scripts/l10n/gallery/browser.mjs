// Debian's Chromium as the e2e suite launches it.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH } from '../../lib/chromium.mjs';

export { CHROMIUM_PATH };

export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
}
