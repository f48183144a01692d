// `npm run build [-- --output dir]`: checks the content, then builds the site with Eleventy into
// _site/ and indexes it with Pagefind. Content errors stop the build with `npm run check`'s lines.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Eleventy from '@11ty/eleventy';
import { countMessages, formatHuman, loadContent, type LoadedContent } from '#core';

/** Holds the loaded content so Eleventy passes it to the data file by reference, uncopied. */
class LoadedContentHandoff {
  constructor(readonly value: LoadedContent) {}
}

const usage = `Usage: npm run build -- [--output dir] [--quiet]
Checks content/ (as npm run check does), then builds the site into _site/ (or --output).
Environment: SITE_URL, PATH_PREFIX (e.g. /ler-ecosystem-map/), CONTENT_ROOT (default: here).`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { output: { type: 'string', default: '_site' }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean' } },
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
  if (!values.quiet) {
    const seconds = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1e6).toFixed(2);
    console.log(
      `Built ${values.output}/ in ${total.toFixed(2)} s (content ${loadSeconds.toFixed(2)} s, site ${((performance.now() - siteStarted) / 1000).toFixed(2)} s; ` +
        `cpu: content ${seconds(loadCpu)} s, site ${seconds(process.cpuUsage(siteCpuStart))} s)`,
    );
  }
  return 0;
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
