// What an import did, value by value: changes, values it could not map, notes, and where each
// legacy value went. The importers write here; the report is formatted from it.

/** A place in a legacy file (path relative to the Jekyll checkout, 1-based line and column). */
export interface Origin {
  file: string;
  line: number;
  column: number;
}

/** `changed`: a value was rewritten; `unmapped`: a value could not be carried over; `note`: for information. */
export type ImportEntryKind = 'changed' | 'unmapped' | 'note';

export interface ImportEntry extends Origin {
  kind: ImportEntryKind;
  message: string;
  /** How many times the same thing happened at this place (e.g. one entity used twice). */
  count: number;
}

/**
 * Where one legacy value went: into an output file, with what a reader sees of it on the record's
 * page (`as: 'icon'`: the value names an icon file, which the page shows as the icon itself), or
 * only into the report.
 */
export type Destination = { path: string; shows: string[]; as?: 'icon' } | { report: true };

/** One legacy value (a YAML scalar or a block of page text) and its destination. */
export interface LegacyValue extends Origin {
  text: string;
  to: Destination;
}

/** Collects entries and value destinations during one import. */
export class ImportLog {
  readonly entries: ImportEntry[] = [];
  readonly values: LegacyValue[] = [];
  private readonly seen = new Map<string, ImportEntry>();

  add(kind: ImportEntryKind, at: Origin, message: string): void {
    const id = `${kind}\0${at.file}\0${at.line}\0${at.column}\0${message}`;
    const same = this.seen.get(id);
    if (same) {
      same.count++;
      return;
    }
    const entry = { kind, file: at.file, line: at.line, column: at.column, message, count: 1 };
    this.seen.set(id, entry);
    this.entries.push(entry);
  }

  changed(at: Origin, message: string): void {
    this.add('changed', at, message);
  }

  unmapped(at: Origin, message: string): void {
    this.add('unmapped', at, message);
  }

  note(at: Origin, message: string): void {
    this.add('note', at, message);
  }

  /** Records that a legacy value landed in an output file (or, with `report`, only in the report). */
  value(at: Origin, text: string, to: Destination): void {
    this.values.push({ file: at.file, line: at.line, column: at.column, text, to });
  }
}

/** A value quoted for a report line: in double quotes, on one line, shortened when long. */
export function quoted(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > max ? `${one.slice(0, max - 1)}…` : one}"`;
}
