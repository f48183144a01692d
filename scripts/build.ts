// `npm run build [-- --output dir] [--check-in-worker]`: checks the content, then builds the site
// with Eleventy into _site/ and indexes it with Pagefind. Content errors stop the build with
// `npm run check`'s lines and write nothing; with --check-in-worker the check runs side by side.
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Eleventy from '@11ty/eleventy';
import { countMessages, formatHuman, loadContent, type LoadedContent } from '#core';
import { checkContentInWorker } from './lib/check-content-in-worker.ts';
import { holdOutput } from './lib/hold-output.ts';
import { parseContentForRendering } from './lib/parse-content-for-rendering.ts';

/** Holds the loaded content so Eleventy passes it to the data file by reference, uncopied. */
class LoadedContentHandoff {
  constructor(readonly value: LoadedContent) {}
}

const usage = `Usage: npm run build -- [--output dir] [--quiet] [--check-in-worker]
Checks content/ (as npm run check does), then builds the site into _site/ (or --output).
--check-in-worker: check on a worker thread while Eleventy renders (faster only with a free core).
Environment: SITE_URL, PATH_PREFIX (e.g. /ler-ecosystem-map/), CONTENT_ROOT (default: here).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      output: { type: 'string', default: '_site' },
      quiet: { type: 'boolean', default: false },
      'check-in-worker': { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const root = resolve(process.env.CONTENT_ROOT || '.');
  process.env.CONTENT_ROOT = root;
  const output = resolve(values.output);
  // Eleventy resolves site/ and its config from the working directory: the repository root.
  process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  const build = values['check-in-worker'] ? buildWithCheckInWorker : buildAfterCheck;
  return build(root, output, values.output, values.quiet);
}

/** Loads and checks the content in one pass (each file parsed once), then renders the site from it. */
async function buildAfterCheck(root: string, output: string, outputName: string, quiet: boolean): Promise<number> {
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const loaded = await loadContent(root, { forRendering: true });
  const loadSeconds = (performance.now() - started) / 1000;
  const loadCpu = process.cpuUsage(cpuStart);
  console.log(formatHuman(loaded.messages, loaded.filesChecked));
  if (countMessages(loaded.messages).errors) return 1;

  const eleventy = new Eleventy('site', output, {
    configPath: 'eleventy.config.ts',
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData('loadedContent', new LoadedContentHandoff(loaded));
    },
  });
  const siteStarted = performance.now();
  const siteCpuStart = process.cpuUsage();
  await eleventy.write();
  const total = (performance.now() - started) / 1000;
  if (!quiet) {
    const seconds = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1e6).toFixed(2);
    console.log(
      `Built ${outputName}/ in ${total.toFixed(2)} s (content ${loadSeconds.toFixed(2)} s, site ${((performance.now() - siteStarted) / 1000).toFixed(2)} s; ` +
        `cpu: content ${seconds(loadCpu)} s, site ${seconds(process.cpuUsage(siteCpuStart))} s)`,
    );
  }
  return 0;
}

/**
 * Checks the content on a worker thread while this one parses it again and renders the site into a
 * folder beside the output, moved into place only when the check found no errors. Less wall time
 * when a second core is free, more CPU time (every file is parsed twice).
 */
async function buildWithCheckInWorker(root: string, output: string, outputName: string, quiet: boolean): Promise<number> {
  const started = performance.now();
  const checked = checkContentInWorker(root);
  // Whatever Eleventy prints waits until the check's report is out, and is dropped on errors.
  const held = holdOutput();
  // Beside the output, so moving it into place is a rename within one file system.
  const building = join(dirname(output), `.${basename(output)}.building-${process.pid}`);
  let siteSeconds = 0;
  const rendered = (async () => {
    const loaded = await parseContentForRendering(root);
    const eleventy = new Eleventy('site', building, {
      configPath: 'eleventy.config.ts',
      quietMode: true,
      config(eleventyConfig) {
        eleventyConfig.addGlobalData('loadedContent', new LoadedContentHandoff(loaded));
      },
    });
    await eleventy.write();
    siteSeconds = (performance.now() - started) / 1000;
  })();
  const [check, site] = await Promise.allSettled([checked, rendered]);
  const replayHeld = held.stop();
  let moved = false;
  try {
    // A check that could not run is no clean check: the site stays out of place.
    if (check.status === 'rejected') throw check.reason;
    console.log(check.value.report);
    if (check.value.errors) return 1;
    replayHeld();
    if (site.status === 'rejected') throw site.reason;
    await moveIntoPlace(building, output);
    moved = true;
  } finally {
    if (!moved) await rm(building, { recursive: true, force: true });
  }
  if (!quiet) {
    const cpu = process.cpuUsage();
    console.log(
      `Built ${outputName}/ in ${((performance.now() - started) / 1000).toFixed(2)} s (check ${check.value.seconds.toFixed(2)} s on a worker thread, ` +
        `site ${siteSeconds.toFixed(2)} s, side by side; cpu of the whole process ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`,
    );
  }
  return 0;
}

/** Replaces `output` with the freshly built folder; the old site is removed only once the new one is in place. */
async function moveIntoPlace(building: string, output: string): Promise<void> {
  const old = `${building}.old`;
  const hadOld = await rename(output, old).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return false;
      throw e;
    },
  );
  await rename(building, output);
  if (hadOld) await rm(old, { recursive: true, force: true });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Eleventy has already printed its own report of template errors; add one plain line.
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
