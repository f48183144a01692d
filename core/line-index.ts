// Converts offsets in a text to 1-based line/column places and back.

import type { Place } from './types.ts';

/** Maps offsets (UTF-16 code units) to 1-based lines and columns. */
export class LineIndex {
  readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /** The 1-based line and column of an offset. */
  place(offset: number): Place {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - this.starts[lo]! + 1 };
  }

  /** The offset of a 1-based line and column. */
  offset(line: number, column = 1): number {
    const start = this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
    return Math.min(start + column - 1, this.text.length);
  }

  /** The text of a 1-based line without its line break. */
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    const next = this.starts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
