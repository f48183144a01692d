// Applies the safe fixes of messages to a file's text (non-overlapping edits, last first).
import type { Message, TextEdit } from './types.ts';

/** The text with every fix applied; overlapping edits after the first are skipped. */
export function applyFixes(text: string, messages: readonly Message[]): { text: string; applied: number } {
  const edits: TextEdit[] = [];
  for (const m of messages) if (m.fix) edits.push(...m.fix);
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of edits) {
    if (e.start < lastEnd) continue;
    if (kept.length && e.start === kept.at(-1)!.start && e.end === kept.at(-1)!.end && e.text === kept.at(-1)!.text) continue;
    kept.push(e);
    lastEnd = Math.max(e.end, e.start);
  }
  let out = text;
  for (const e of kept.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied: kept.length };
}
