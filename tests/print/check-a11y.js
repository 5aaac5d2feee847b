#!/usr/bin/env node
// Accessibility of the HTML handouts, as a screen reader or a large-text reader meets them:
// axe-core (WCAG 2 A and AA, and axe's best practices) in headless Chromium through
// puppeteer-core, which uses the system's Chromium and downloads no browser.
// Usage: check-a11y.js CHROMIUM PROFILE-DIR FILE.html...
// Prints one line per violation and node; exits 1 if any file has a violation, 2 on a failure
// to run.
'use strict';
const path = require('path');
const fs = require('fs');
const puppeteer = require('puppeteer-core');

async function main() {
  const [chromium, profile, ...files] = process.argv.slice(2);
  if (!chromium || !profile || files.length === 0) {
    console.error('usage: check-a11y.js CHROMIUM PROFILE-DIR FILE.html...');
    process.exit(2);
  }
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: profile,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let failed = false;
  try {
    for (const file of files) {
      const page = await browser.newPage();
      await page.goto('file://' + path.resolve(file), {waitUntil: 'load'});
      await page.addScriptTag({content: axeSource});
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        return await axe.run(document, {
          runOnly: {type: 'tag',
                    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
          resultTypes: ['violations'],
        });
      });
      const name = path.basename(file);
      if (result.violations.length === 0) {
        console.log(`ok   axe ${name}: 0 violations (${result.passes.length} rules passed)`);
      }
      for (const v of result.violations) {
        failed = true;
        for (const node of v.nodes) {
          console.log(`FAIL axe ${name}: ${v.id} (${v.impact}): ${v.help}: ${node.target.join(' ')}`);
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error('check-a11y: ' + (e && e.stack ? e.stack : e));
  process.exit(2);
});
