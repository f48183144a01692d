// Lines of a diff that accept review comments (the new side: added and context lines).
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../bot/decide/diff-lines.ts';
import { unifiedDiff } from '../fake-github/index.ts';

describe('diffLines', () => {
  it('lists added and context lines of each hunk, not removed ones', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', '');
    const lines = diffLines(unifiedDiff(before, after));
    expect([...lines]).toEqual([
      [1, 0], [2, 0], [3, 0], [4, 0], [5, 0],
      [15, 1], [16, 1], [17, 1], [18, 1], [19, 1],
    ]);
  });

  it('is empty without a patch (binary files, very large diffs)', () => {
    expect(diffLines(undefined).size).toBe(0);
  });
});
