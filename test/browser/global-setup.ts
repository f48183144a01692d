// Builds the site once under the GitHub Pages path prefix and serves it on loopback for all
// browser tests, as a reader's browser would fetch it.
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { serveSite } from '../../scripts/serve-site.ts';
import { buildSite } from '../site/helpers.ts';

export const prefix = '/ler-ecosystem-map/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the served site's root, e.g. http://127.0.0.1:41234/ler-ecosystem-map/ */
    siteUrl: string;
    /** The public address the site was built for (canonical URLs, feedback links). */
    publicUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const build = await buildSite({ prefix });
  if (build.code !== 0) throw new Error(`The site did not build:\n${build.stdout}\n${build.stderr}`);
  const site = await serveSite(build.dir, { prefix });
  project.provide('siteUrl', site.url);
  project.provide('publicUrl', 'https://digitalcredentials.github.io/ler-ecosystem-map/');
  return async () => {
    await site.close();
    await rm(build.dir, { recursive: true, force: true });
  };
}
