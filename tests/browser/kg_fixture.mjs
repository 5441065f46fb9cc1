// A kg-server on free ports with its own database, the corpus imported with
// the kg CLI, and a headless Chromium in a fresh profile: what the browser
// tests run against. Everything lives under one temp dir.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Why the test cannot run here, or null.
export function missingPrerequisite(webDir, corpusDir) {
  if (!fs.existsSync(corpusDir) || fs.readdirSync(corpusDir).length === 0) {
    return `no corpus at ${corpusDir} (the shared folder is absent)`;
  }
  if (!fs.existsSync(CHROMIUM)) return `no ${CHROMIUM} (apt-get install chromium)`;
  for (const module of ['cytoscape', 'playwright-core']) {
    if (!fs.existsSync(path.join(webDir, 'node_modules', module))) {
      return `no ${module} in ${webDir}/node_modules (run npm ci in web/)`;
    }
  }
  // Debian 12's Node is older than what recent playwright-core asks for.
  const playwright = JSON.parse(fs.readFileSync(
      path.join(webDir, 'node_modules', 'playwright-core', 'package.json'), 'utf8'));
  const wanted = /^>=\s*(\d+)/.exec(playwright.engines?.node ?? '');
  if (wanted && Number(process.versions.node.split('.')[0]) < Number(wanted[1])) {
    return `playwright-core ${playwright.version} needs Node ${playwright.engines.node}; ` +
        `this is ${process.version}`;
  }
  return null;
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {stdio: ['ignore', 'ignore', 'pipe']});
    let stderr = '';
    child.stderr.on('data', (chunk) => stderr += chunk);
    child.on('error', reject);
    child.on('exit', (code) => code === 0 ? resolve() :
      reject(new Error(`${path.basename(command)} exited ${code}: ${stderr}`)));
  });
}

// Starts kg-server and waits for both of its address lines.
function startServer(serverPath, webDir, dbDir) {
  const server = spawn(serverPath, ['--db', dbDir, '--listen', '127.0.0.1:0',
    '--http_listen', '127.0.0.1:0', '--web_dir', webDir],
  {stdio: ['ignore', 'pipe', 'pipe']});
  let stderr = '';
  server.stderr.on('data', (chunk) => stderr += chunk);
  return new Promise((resolve, reject) => {
    let stdout = '';
    server.on('exit', (code) => reject(new Error(`kg-server exited ${code}: ${stderr}`)));
    server.stdout.on('data', (chunk) => {
      stdout += chunk;
      const grpc = stdout.match(/listening on (\S+)/);
      const http = stdout.match(/http on (\S+)/);
      if (grpc && http) resolve({server, grpc: grpc[1], http: http[1]});
    });
  });
}

export async function startFixture({serverPath, cliPath, webDir, corpusDir}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-browser-'));
  const fixture = {dir, screenshots: path.join(dir, 'screenshots')};
  fs.mkdirSync(fixture.screenshots);
  try {
    Object.assign(fixture, await startServer(serverPath, webDir, path.join(dir, 'db')));
    const files = fs.readdirSync(corpusDir).sort().map((f) => path.join(corpusDir, f));
    await run(cliPath, ['--server', fixture.grpc, 'import', ...files]);
    fixture.playwright = createRequire(path.resolve(webDir, 'package.json'))('playwright-core');
    await launchBrowser(fixture);
  } catch (error) {
    await stopFixture(fixture, true);
    throw error;
  }
  return fixture;
}

// Starts a Chromium process with a fresh profile as fixture.context, closing
// the one before. Chromium's stderr goes to chromium.log in the temp dir
// through a launcher script, so that a crash can be explained afterwards.
export async function launchBrowser(fixture) {
  if (fixture.context) await fixture.context.close();
  const launches = (fixture.launches = (fixture.launches || 0) + 1);
  fixture.chromiumLog = path.join(fixture.dir, 'chromium.log');
  const launcher = path.join(fixture.dir, 'chromium.sh');
  fs.writeFileSync(launcher, `#!/bin/sh\nexec ${CHROMIUM} "$@" 2>>'${fixture.chromiumLog}'\n`,
      {mode: 0o755});
  fixture.context = await fixture.playwright.chromium.launchPersistentContext(
      path.join(fixture.dir, `profile-${launches}`), {
        executablePath: launcher, args: CHROMIUM_ARGS, headless: true, acceptDownloads: true,
        viewport: {width: 1400, height: 900},
      });
}

// The last lines Chromium wrote to stderr, without the D-Bus complaints of
// a machine with no session bus.
export function chromiumLogTail(fixture, lines = 40) {
  if (!fs.existsSync(fixture.chromiumLog)) return '';
  return fs.readFileSync(fixture.chromiumLog, 'utf8').split('\n')
      .filter((line) => line && !/dbus|unexpected operator/.test(line))
      .slice(-lines).join('\n');
}

// Stops the browser and the server; keeps the temp dir (and so the
// screenshots) when asked to.
export async function stopFixture(fixture, keep) {
  if (fixture.context) await fixture.context.close();
  if (fixture.server && fixture.server.exitCode === null) {
    // The start-up listener would take a clean exit for a failure.
    fixture.server.removeAllListeners('exit');
    const exited = new Promise((resolve) => fixture.server.once('exit', resolve));
    fixture.server.kill('SIGTERM');
    await exited;
  }
  if (keep) console.log(`browser: screenshots and logs kept in ${fixture.dir}`);
  else fs.rmSync(fixture.dir, {recursive: true, force: true});
}
