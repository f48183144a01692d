// Global data `site`: the site metadata (defined in site/lib/site-metadata.ts).
import { siteMetadata } from '../lib/site-metadata.ts';

export default function () {
  return siteMetadata();
}
