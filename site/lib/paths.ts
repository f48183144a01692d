// Site paths beyond the record URLs of core/urls.ts: filter pages, open data, assets.
import { contentTypeNames, sectionPaths, type ContentTypeName } from '#core';

/** Resources of one topic (a plain link that filters without JavaScript). */
export const topicPath = (topic: string) => `${sectionPaths.resources}topic/${topic}/`;
/** Resources for one stakeholder. */
export const resourcesForPath = (stakeholder: string) => `${sectionPaths.resources}stakeholder/${stakeholder}/`;

/** The open-data files, each with the record type it lists. */
export const openDataSets = [
  { name: 'stakeholders', type: 'stakeholder' },
  { name: 'work-streams', type: 'work-stream' },
  { name: 'action-areas', type: 'action-area' },
  { name: 'glossary', type: 'glossary' },
  { name: 'resources', type: 'resource' },
  { name: 'frameworks', type: 'framework' },
] as const satisfies readonly { name: string; type: ContentTypeName }[];

export const dataPath = (name: string) => `/api/${name}.json`;
export const schemaPath = (type: ContentTypeName) => `/api/schema/${type}.schema.json`;
export const schemaTypes: readonly ContentTypeName[] = contentTypeNames;
