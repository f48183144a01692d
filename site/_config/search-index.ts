// Local Eleventy plugin: builds the Pagefind search index over the written site after every build
// (also on `--serve` rebuilds). SEARCH_INDEX=off skips it (the site benchmark times it separately).
import { createIndex, close } from 'pagefind';

interface AfterBuild {
  directories: { output: string };
}

/** Indexes an output folder with Pagefind; returns the number of pages indexed. */
export async function buildSearchIndex(outputDir: string): Promise<number> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outputDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${outputDir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}

export default function searchIndex(eleventyConfig: { on(event: 'eleventy.after', fn: (args: AfterBuild) => Promise<void>): void }): void {
  eleventyConfig.on('eleventy.after', async ({ directories }) => {
    if (process.env.SEARCH_INDEX === 'off') return;
    const start = performance.now();
    const pages = await buildSearchIndex(directories.output);
    console.log(`[search] Pagefind indexed ${pages} pages in ${((performance.now() - start) / 1000).toFixed(2)} s`);
  });
}
