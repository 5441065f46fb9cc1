// The explorer end to end in headless Chromium against a real kg-server with
// the shared corpus: search "UNMISS", its neighbours drawn, a source's
// evidence, the legend filter, expand and undo, a supernode's badge, a
// shortest path, the date slider, the URL restoring a view, the
// commitments view and the exports. Asserts on the DOM and on the
// cytoscape state the page exposes as window.kg, never on pixels.
//
//   node explorer_test.mjs KG_SERVER KG_CLI WEB_DIR CORPUS_DIR
// Exits 77 (skipped) when the corpus, chromium or web/node_modules is absent.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import {chromiumLogTail, launchBrowser, missingPrerequisite, startFixture, stopFixture}
  from './kg_fixture.mjs';

const [serverPath, cliPath, webDir, corpusDir] = process.argv.slice(2);
const missing = missingPrerequisite(webDir, corpusDir);
if (missing) {
  console.log(`SKIPPED: browser tests: ${missing}`);
  process.exit(77);
}

const fixture = await startFixture({serverPath, cliPath, webDir, corpusDir});
const pageErrors = [];
const results = {passed: 0, failed: 0};
let page;
let crashed = false;

// A fresh page, its script errors and renderer crashes recorded.
async function openPage() {
  page = await fixture.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('crash', () => {
    crashed = true;
    console.log('browser: the page\'s renderer crashed; Chromium\'s last words:\n' +
        chromiumLogTail(fixture));
  });
}

// Waits until the page has no call or redraw running.
async function idle() {
  await page.waitForFunction(() => window.kg && !window.kg.busy());
}

const graphState = () => page.evaluate(() => ({
  nodes: window.kg.cy.nodes().map((n) => n.id()),
  visible: window.kg.cy.nodes(':visible').length,
  edges: window.kg.cy.edges().map((e) => e.id()),
  path: window.kg.cy.elements('.path').map((e) => e.id()),
  ops: window.kg.state.ops,
}));

// Taps a node or an edge. The evaluated function returns nothing: handing
// back the cytoscape collection that emit() returns makes Playwright
// serialize the whole graph, gigabytes of it (the renderer died of that).
async function tap(id) {
  await page.evaluate((k) => {
    window.kg.cy.getElementById(k).emit('tap');
  }, id);
}

async function tapNode(key) {
  await tap(key);
  await page.waitForFunction((k) =>
    document.querySelector('#panel code')?.textContent === k, key);
  await idle();
}

// Runs one step and takes a screenshot of the page as it left it (kept
// with the logs when a step fails or KG_KEEP_SCREENSHOTS=1).
async function step(name, body) {
  try {
    await body();
    results.passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    results.failed++;
    console.log(`not ok - ${name}\n  ${String(error.stack || error).replace(/\n/g, '\n  ')}`);
  }
  await page.screenshot({path: path.join(fixture.screenshots,
      `${String(results.passed + results.failed).padStart(2, '0')}-` +
      `${name.replace(/\W+/g, '-')}.png`)}).catch((shotError) => {
    console.log(`  no screenshot: ${shotError.message.split('\n')[0]}`);
  });
}

let drawn;

// Every step, in order, on the current page.
async function runSteps() {
  await page.goto(`http://${fixture.http}/`);
  await idle();

  await step('search UNMISS draws its neighbours', async () => {
    await page.fill('#search', 'UNMISS');
    const suggestion = page.locator('.suggestions li[data-key="mission:UNMISS"]');
    await suggestion.click();
    await page.waitForFunction(() =>
      window.kg.cy.getElementById('mission:UNMISS').nonempty() && !window.kg.busy());
    drawn = await graphState();
    assert.ok(drawn.nodes.includes('state:SSD'), drawn.nodes.join());
    assert.ok(drawn.edges.includes('mission:UNMISS|DEPLOYED_IN|state:SSD'));
    assert.ok(drawn.nodes.length > 3);
    assert.deepEqual(drawn.ops, [['e', 'mission:UNMISS']]);
    assert.match(await page.textContent('#legend-labels'), /Mission \(1\)/);
  });

  await step('the panel shows properties and sources with evidence', async () => {
    await page.waitForSelector('#panel .source');
    assert.match(await page.textContent('#panel h2'), /South Sudan/);
    assert.match(await page.textContent('#panel table.props'), /start_date\s*2011-07-09/);
    const marks = await page.locator('#panel .evidence mark').allTextContents();
    assert.ok(marks.includes('UNMISS'), marks.join('|'));
    assert.doesNotMatch(await page.textContent('#panel'), /\bnull\b|\bundefined\b/);
    assert.match(await page.textContent('#panel .sources'),
        /doc:2021-11_dpo-issue-brief-wps-implementation-gaps/);
  });

  await step('an edge opens its sources', async () => {
    await tap('mission:UNMISS|DEPLOYED_IN|state:SSD');
    await page.waitForFunction(() => /DEPLOYED_IN/.test(
        document.querySelector('#panel h2')?.textContent));
    await idle();
    const evidence = await page.locator('#panel .evidence').allTextContents();
    assert.ok(evidence.some((e) => /South Sudan/.test(e)), evidence.join('|'));
  });

  await step('the legend filters by label and by edge type', async () => {
    await page.uncheck('#legend-labels input[data-name="State"]');
    const filtered = await graphState();
    assert.equal(filtered.visible, drawn.nodes.length -
        await page.evaluate(() => window.kg.cy.nodes('[label = "State"]').length));
    assert.match(page.url(), /hideLabels=State/);
    await page.check('#legend-labels input[data-name="State"]');
    assert.equal((await graphState()).visible, drawn.nodes.length);

    const visibleEdges = () => page.evaluate(() => window.kg.cy.edges(':visible').map((e) => e.id()));
    await page.uncheck('#legend-types input[data-name="DEPLOYED_IN"]');
    const shown = await visibleEdges();
    assert.ok(!shown.includes('mission:UNMISS|DEPLOYED_IN|state:SSD'), shown.join());
    assert.ok(shown.length > 0 && shown.every((id) => !id.includes('|DEPLOYED_IN|')));
    assert.match(page.url(), /hideTypes=DEPLOYED_IN/);
    await page.check('#legend-types input[data-name="DEPLOYED_IN"]');
    assert.equal((await visibleEdges()).length, drawn.edges.length);
  });

  await step('expand a node, then undo', async () => {
    await tapNode('state:SSD');
    await page.click('#panel button[data-action="Expand"]');
    await page.waitForFunction(() => window.kg.state.ops.length === 2 && !window.kg.busy());
    const expanded = await graphState();
    assert.ok(expanded.nodes.length > drawn.nodes.length);
    const added = expanded.nodes.find((key) => !drawn.nodes.includes(key));
    await tapNode(added);
    await page.click('#undo');
    await page.waitForFunction(() => window.kg.state.ops.length === 1 && !window.kg.busy());
    assert.deepEqual((await graphState()).nodes.sort(), [...drawn.nodes].sort());
    // The selected node went with the undone expansion, and so does the panel.
    assert.equal(await page.locator('#panel code').count(), 0);
    assert.doesNotMatch(page.url(), /sel=/);
  });

  await step('a supernode shows how many neighbours are not drawn', async () => {
    const doc = 'doc:2021-11_dpo-issue-brief-wps-implementation-gaps';
    await page.evaluate((k) => window.kg.doOp(['e', k]), doc);
    await idle();
    const more = await page.evaluate((k) => window.kg.cy.getElementById(k).data(), doc);
    assert.ok(more.more > 0, JSON.stringify(more));
    assert.match(more.display, new RegExp(`\\(\\+${more.more} more\\)`));
    const expanded = await graphState();
    await page.evaluate((k) => window.kg.doOp(['c', k]), doc);
    await idle();
    const collapsed = await graphState();
    assert.ok(collapsed.nodes.includes(doc));
    assert.ok(collapsed.nodes.length < expanded.nodes.length,
        `${collapsed.nodes.length} nodes after collapse, ${expanded.nodes.length} before`);
  });

  await step('shortest path is drawn and highlighted', async () => {
    await page.fill('#path-from', 'mission:UNMISS');
    await page.fill('#path-to', 'resolution:unsc-1325');
    await page.click('#find-path');
    await page.waitForFunction(() => /hops/.test(document.querySelector('#path-result').textContent));
    await idle();
    const state = await graphState();
    assert.ok(state.path.includes('mission:UNMISS'));
    assert.ok(state.path.includes('resolution:unsc-1325'));
    assert.ok(state.path.length >= 3, state.path.join());
    assert.match(await page.textContent('#path-result'), /UNSC Resolution 1325|1325/);
  });

  await step('the date slider redraws as of that date', async () => {
    const setYear = (year) => page.$eval('#as-of', (slider, y) => {
      slider.value = y;
      slider.dispatchEvent(new Event('input'));
      slider.dispatchEvent(new Event('change'));
    }, year);
    await setYear('2000');
    await page.waitForFunction(() => window.kg.state.asOf === 2000 && !window.kg.busy());
    const past = await graphState();
    assert.ok(past.nodes.includes('mission:UNMISS'));
    assert.ok(!past.edges.includes('mission:UNMISS|DEPLOYED_IN|state:SSD'));
    assert.match(await page.textContent('#as-of-label'), /2000/);
    assert.match(page.url(), /asOf=2000/);
    await setYear(await page.$eval('#as-of', (slider) => slider.max));
    await page.waitForFunction(() => window.kg.state.asOf === null && !window.kg.busy());
    assert.ok((await graphState()).edges.includes('mission:UNMISS|DEPLOYED_IN|state:SSD'));
  });

  await step('the URL restores the view', async () => {
    const before = await graphState();
    const url = page.url();
    const copy = await fixture.context.newPage();
    await copy.goto(url);
    await copy.waitForFunction((n) => window.kg &&
        window.kg.cy.nodes().length === n && !window.kg.busy(), before.nodes.length);
    const after = await copy.evaluate(() => window.kg.cy.elements('.path').map((e) => e.id()));
    assert.deepEqual(after.sort(), [...before.path].sort());
    await copy.close();
  });

  await step('commitments filtered by framework and actor link into the graph', async () => {
    await page.click('button[data-view="commitments"]');
    await page.fill('#filter-framework', 'framework:wps-agenda');
    await page.click('#list-commitments');
    await page.waitForSelector('#commitments tbody tr');
    await idle();
    assert.match(await page.textContent('#commitments-status'), /\d+ rows/);
    const actor = await page.getAttribute('#commitments tbody tr td:nth-child(2) a', 'data-key');
    await page.fill('#filter-actor', actor);
    await page.click('#list-commitments');
    await page.waitForFunction((a) => [...document.querySelectorAll(
        '#commitments tbody tr td:nth-child(2) a')].every((link) => link.dataset.key === a), actor);
    await idle();
    assert.match(page.url(), new RegExp(`actor=${encodeURIComponent(actor)}`));
    assert.ok(await page.locator('#commitments tbody tr').count() > 0);
    const key = await page.getAttribute('#commitments tbody tr', 'data-key');
    await page.click(`#commitments tbody tr[data-key="${key}"] td:nth-child(4) a`);
    await page.waitForFunction((k) => window.kg.state.selected === k && !window.kg.busy(), key);
    assert.ok(await page.isVisible('#graph-view'));
    assert.ok((await graphState()).nodes.includes(key));
  });

  await step('exports the visible graph as JSON, GraphML and PNG', async () => {
    const exported = async (button) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return fs.readFileSync(await download.path());
    };
    const json = JSON.parse(await exported('#export-json'));
    const visible = await page.evaluate(() => window.kg.cy.nodes(':visible').length);
    assert.equal(json.nodes.length, visible);
    assert.ok(json.edges.length > 0);
    const graphml = String(await exported('#export-graphml'));
    assert.equal((graphml.match(/<node /g) || []).length, visible);
    const png = await exported('#export-png');
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
  });

  await step('static files stay inside web/', async () => {
    const status = (target) => new Promise((resolve, reject) => {
      const [host, port] = fixture.http.split(':');
      http.get({host, port, path: target}, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject);
    });
    assert.equal(await status('/vendor/cytoscape.min.js'), 200);
    for (const target of ['/package.json', '/../README.md', '/%2e%2e/README.md',
      '/..%2fREADME.md', '/node_modules/cytoscape/package.json']) {
      assert.equal(await status(target), 404, target);
    }
  });

  await step('the page raised no script errors', async () => {
    assert.deepEqual(pageErrors, []);
  });
}

try {
  await openPage();
  await runSteps();
  // Should the renderer die (its stderr is printed above), the whole
  // scenario runs once more in a new Chromium process, and failed steps
  // there fail the test.
  if (crashed) {
    console.log('browser: running every step again in a new browser');
    crashed = false;
    results.passed = results.failed = 0;
    pageErrors.length = 0;
    await launchBrowser(fixture);
    await openPage();
    await runSteps();
  }
} finally {
  console.log(`browser: ${results.passed} passed, ${results.failed} failed`);
  await stopFixture(fixture, results.failed > 0 || process.env.KG_KEEP_SCREENSHOTS === '1');
}
process.exit(results.failed ? 1 : 0);
