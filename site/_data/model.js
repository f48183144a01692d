// Global data `model`: the content, loaded and checked through core (see site/lib/load-site-model.ts).
import { loadSiteModel } from '../lib/load-site-model.ts';

/** `loadedContent` is set by scripts/build.ts, which has already loaded and checked the content. */
export default function (configData) {
  return loadSiteModel(configData?.loadedContent?.value);
}
