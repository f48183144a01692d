// The site's URL scheme, shared by the site build, the link rules and the bot's links.
import type { ContentTypeName } from './schema/index.ts';

/** Section pages that exist whatever the content. */
export const sectionPaths = {
  home: '/',
  stakeholders: '/stakeholders/',
  workStreams: '/work-streams/',
  actionAreas: '/action-areas/',
  glossary: '/glossary/',
  frameworks: '/frameworks/',
  resources: '/resources/',
  search: '/search/',
} as const;

/** The site path (with anchor where the record lives on a shared page) of a record. */
export function recordPath(type: ContentTypeName, slug: string): string {
  switch (type) {
    case 'stakeholder':
      return `/stakeholders/${slug}/`;
    case 'work-stream':
      return `/work-streams/#${slug}`;
    case 'action-area':
      return `/action-areas/#${slug}`;
    case 'glossary':
      return `/glossary/#${slug}`;
    case 'resource':
      return `/resources/#${slug}`;
    case 'framework':
      return `/frameworks/#${slug}`;
    case 'page':
      return `/${slug}/`;
    case 'organization':
      return `/about/#${slug}`;
  }
}

/** A heading's anchor id, as the site generates it (GitHub-style: lowercase, hyphens). */
export function headingId(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/** A URL folded for comparison: host case, scheme, "www.", trailing slash and fragment ignored. */
export function normaliseUrl(value: string): string {
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    return `${host}${url.port ? `:${url.port}` : ''}${url.pathname.replace(/\/+$/, '')}${url.search}`;
  } catch {
    return trimmed.toLowerCase();
  }
}

/** Resolves a relative link against the repository path of the file it is written in. */
export function resolveRelative(fromFile: string, link: string): string {
  const parts = fromFile.split('/').slice(0, -1);
  for (const part of link.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
