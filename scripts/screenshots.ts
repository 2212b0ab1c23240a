/**
 * `npm run screenshots`: builds the site, serves it, and writes the README's screenshots
 * (scripts/readme-screenshots.ts) into docs/ with headless Chromium. Run it after a visible change
 * and commit the images; the tests never write into the repository.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveBuiltSite } from './built-site';
import { CHROMIUM_ARGS, chromiumMissingReason, chromiumPath } from './chromium-path.mjs';
import { LEARN_SCREENSHOTS, takeLearnScreenshot } from './learn-screenshots';
import { openScreenshotState, README_SCREENSHOTS } from './readme-screenshots';
import { RULES_SCREENSHOTS, takeRulesScreenshots } from './rules-screenshots';

const docs = resolve(import.meta.dirname, '../docs');

const missing = chromiumMissingReason();
if (missing !== null) {
  console.error(`screenshots: ${missing}`);
  process.exit(1);
}

const site = await serveBuiltSite();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
try {
  for (const shot of README_SCREENSHOTS) {
    const state = await openScreenshotState(browser, site.baseUrl, shot);
    const path = resolve(docs, shot.file);
    await state.page.screenshot({ path });
    await state.close();
    console.log(`screenshots: wrote docs/${shot.file}`);
  }
  for (const shot of RULES_SCREENSHOTS) {
    await takeRulesScreenshots(browser, site.baseUrl, shot, (file) => resolve(docs, file));
    console.log(`screenshots: wrote docs/${shot.files.plot} and docs/${shot.files.card}`);
  }
  for (const shot of LEARN_SCREENSHOTS) {
    await takeLearnScreenshot(browser, site.baseUrl, shot, resolve(docs, shot.file));
    console.log(`screenshots: wrote docs/${shot.file}`);
  }
} finally {
  await browser.close();
  await site.close();
}
