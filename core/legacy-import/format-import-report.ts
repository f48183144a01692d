// Prints an import report: records per type, changes, values not mapped, notes, then the
// validator's messages on the result (what a maintainer must fix) and a summary.
import { contentTypes } from '../schema/index.ts';
import { countMessages, formatMessage, formatSummary } from '../format.ts';
import type { Message } from '../types.ts';
import type { ImportEntry } from './import-log.ts';
import type { ImportReport } from './index.ts';

export type ImportReportFormat = 'text' | 'json';

/** The validator's verdict on the imported files. */
export interface ImportCheck {
  messages: readonly Message[];
  filesChecked: number;
}

function entryLine(e: ImportEntry): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}${e.count > 1 ? ` (×${e.count})` : ''}`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The closing line of an import. */
function summaryLine(report: ImportReport, check: ImportCheck): string {
  const records = Object.values(report.records).reduce((a, b) => a + (b ?? 0), 0);
  const changed = report.entries.filter((e) => e.kind === 'changed').length;
  const unmapped = report.entries.filter((e) => e.kind === 'unmapped').length;
  const { errors, warnings, files } = countMessages(check.messages);
  const verdict =
    errors + warnings === 0
      ? 'the validator found no problems'
      : `the validator found ${[errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ')} in ${plural(files, 'file')}`;
  return `Summary: ${plural(records, 'record')} written from ${plural(report.read.length, 'legacy file')}; ${plural(changed, 'value')} changed, ${plural(unmapped, 'thing')} could not be mapped; ${verdict}.`;
}

/** Formats the report as readable text or as JSON. */
export function formatImportReport(report: ImportReport, check: ImportCheck, format: ImportReportFormat = 'text'): string {
  const section = (kind: ImportEntry['kind']) => report.entries.filter((e) => e.kind === kind);
  if (format === 'json') {
    const { errors, warnings } = countMessages(check.messages);
    return JSON.stringify(
      {
        records: report.records,
        read: report.read,
        changed: section('changed'),
        unmapped: section('unmapped'),
        notes: section('note'),
        validator: { files: check.filesChecked, errors, warnings, messages: check.messages },
        summary: summaryLine(report, check),
      },
      null,
      2,
    );
  }
  const out: string[] = [];
  const total = Object.values(report.records).reduce((a, b) => a + (b ?? 0), 0);
  out.push(`Records written (${total}):`);
  const width = Math.max(0, ...Object.keys(report.records).map((t) => contentTypes[t as keyof typeof contentTypes].label.length));
  for (const [type, n] of Object.entries(report.records)) {
    out.push(`  ${contentTypes[type as keyof typeof contentTypes].label.padEnd(width)}  ${String(n).padStart(4)}`);
  }
  const list = (title: string, entries: ImportEntry[]) => {
    out.push('', `${title} (${entries.length}):`);
    if (entries.length === 0) out.push('  none');
    for (const e of entries) out.push(`  ${entryLine(e)}`);
  };
  list('Changed', section('changed'));
  list('Could not map', section('unmapped'));
  list('Notes', section('note'));
  out.push('', `Validator: what a maintainer must fix (${check.messages.length}):`);
  for (const m of check.messages) out.push(`  ${formatMessage(m)}`);
  out.push(`  ${formatSummary(check.messages, check.filesChecked)}`);
  out.push('', summaryLine(report, check));
  return out.join('\n');
}
