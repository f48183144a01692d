// Loads the site model: from content core already loaded and checked (`npm run build` hands it
// over), or by loading and checking it here (`eleventy --serve`, on every rebuild).
import { countMessages, formatHuman, loadContent, type LoadedContent } from '#core';
import { lastCommitDates } from './git-dates.ts';
import { buildSiteModel, type SiteModel } from './site-model.ts';

/** The checkout whose content/ is built: CONTENT_ROOT, or the current directory. */
export function contentRoot(env: Record<string, string | undefined> = process.env): string {
  return env.CONTENT_ROOT || process.cwd();
}

/** The site model; content with errors stops the build with the messages of `npm run check`. */
export async function loadSiteModel(preloaded?: LoadedContent): Promise<SiteModel> {
  const root = contentRoot();
  let loaded = preloaded;
  if (!loaded) {
    loaded = await loadContent(root, { forRendering: true });
    console.log(formatHuman(loaded.messages, loaded.filesChecked));
    const { errors } = countMessages(loaded.messages);
    if (errors) throw new Error(`the content has ${errors} error${errors === 1 ? '' : 's'} (listed above); the site was not rebuilt`);
  }
  return buildSiteModel(loaded, await lastCommitDates(root));
}
