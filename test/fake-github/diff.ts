// Unified diffs as GitHub's `patch` field shows them (git's format, 3 lines of context).

type Op = { kind: 'same' | 'add' | 'del'; line: string };

/** Lines with their line break kept, so "a" at the end and "a\n" differ, as in git. */
function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** Myers' O(ND) shortest edit script between two line lists. */
function editScript(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? -1) < (v.get(k + 1) ?? -1)) ? v.get(k + 1)! : v.get(k - 1)! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd.get(k - 1) ?? -1) < (vd.get(k + 1) ?? -1)) ? k + 1 : k - 1;
    const prevX = vd.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'same', line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'add', line: b[--y]! });
      else ops.push({ kind: 'del', line: a[--x]! });
    }
  }
  return ops.reverse();
}

function range(start: number, count: number): string {
  if (count === 1) return `${start}`;
  return `${count === 0 ? start - 1 : start},${count}`;
}

/** The unified diff of two texts without file headers, or '' when they are equal. */
export function unifiedDiff(before: string, after: string, context = 3): string {
  const ops = editScript(splitLines(before), splitLines(after));
  // Number each op with its old and new line numbers (1-based).
  const rows: (Op & { old: number; new: number })[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const op of ops) {
    rows.push({ ...op, old: oldLine, new: newLine });
    if (op.kind !== 'add') oldLine++;
    if (op.kind !== 'del') newLine++;
  }
  const changed = rows.map((r, i) => (r.kind === 'same' ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const lo = Math.max(0, i - context);
    const hi = Math.min(rows.length - 1, i + context);
    const last = hunks.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else hunks.push([lo, hi]);
  }
  const out: string[] = [];
  for (const [lo, hi] of hunks) {
    const slice = rows.slice(lo, hi + 1);
    const oldCount = slice.filter((r) => r.kind !== 'add').length;
    const newCount = slice.filter((r) => r.kind !== 'del').length;
    const oldStart = slice.find((r) => r.kind !== 'add')?.old ?? slice[0]!.old;
    const newStart = slice.find((r) => r.kind !== 'del')?.new ?? slice[0]!.new;
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const r of slice) {
      const prefix = r.kind === 'same' ? ' ' : r.kind === 'add' ? '+' : '-';
      if (r.line.endsWith('\n')) out.push(prefix + r.line.slice(0, -1));
      else out.push(prefix + r.line, '\\ No newline at end of file');
    }
  }
  return out.join('\n');
}
