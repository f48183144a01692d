// What the importers share while one import runs: the log, the records written so far, and the
// names one legacy file needs from another (action names, stakeholder slugs, page slugs).
import { contentTypes, type ContentTypeName } from '../schema/index.ts';
import type { ImportLog, Origin } from './import-log.ts';
import { recordFile, recordPath } from './record-file.ts';

/** An action area as the stakeholders file refers to it. */
export interface ActionRef {
  slug: string;
  title: string;
}

export class ImportContext {
  /** Output files by repository-relative path (`content/...`). */
  readonly files = new Map<string, string>();
  readonly counts = new Map<ContentTypeName, number>();
  /** Legacy action names (and titles and slugs), lowercased, to action areas. */
  readonly actions = new Map<string, ActionRef>();
  /** Stakeholders by their legacy `url` slug. */
  readonly stakeholders = new Map<string, { slug: string; name: string; origin: Origin }>();
  /** Imported pages by legacy slug (file name without `.md`): new slug and navigation order. */
  readonly pages = new Map<string, { slug: string; order?: number }>();
  private readonly claimed = new Map<string, Origin>();

  constructor(readonly log: ImportLog) {}

  /** A free slug for a new record; a second record with the same slug gets a number, and the report says so. */
  claim(type: ContentTypeName, slug: string, origin: Origin): string {
    const first = this.claimed.get(recordPath(type, slug));
    let free = slug;
    for (let n = 2; this.claimed.has(recordPath(type, free)); n++) free = `${slug}-${n}`;
    if (first) {
      this.log.unmapped(origin, `the ${contentTypes[type].label} slug "${slug}" is already used by ${first.file}:${first.line}; this one is written as ${recordPath(type, free)}`);
    }
    this.claimed.set(recordPath(type, free), origin);
    return free;
  }

  /** Writes one record. */
  write(type: ContentTypeName, slug: string, data: Record<string, unknown>, body: string): void {
    this.files.set(recordPath(type, slug), recordFile(type, data, body));
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
  }
}
