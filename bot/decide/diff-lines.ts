// Which lines of the new version of a file a pull request's diff shows (GitHub accepts review
// comments, and so suggestions, only there), with the hunk each line belongs to.

/** New-side line number → index of its hunk, for every added or context line of a unified diff. */
export function diffLines(patch: string | undefined): Map<number, number> {
  const lines = new Map<number, number>();
  if (!patch) return lines;
  let line = 0;
  let hunk = -1;
  for (const row of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(row);
    if (header) {
      line = Number(header[1]);
      hunk++;
      continue;
    }
    if (hunk < 0 || row === '' || row.startsWith('\\') || row.startsWith('-')) continue;
    lines.set(line++, hunk);
  }
  return lines;
}
