// Reading a repository tarball as data: the same files as git has, links reported not followed.
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readTarball } from '../../bot/github/read-tarball.ts';
import { projectRoot } from './content-repo.ts';
import { writeTarball } from '../fake-github/tar.ts';

describe('readTarball', () => {
  it('reads `git archive` output (the format GitHub serves) into the files of content/', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
    const tar = execFileSync('git', ['archive', '--format=tar', `--prefix=ler-map-ler-ecosystem-map-${head.slice(0, 7)}/`, head], { cwd: projectRoot, maxBuffer: 1 << 30 });
    const { commit, files } = readTarball(gzipSync(tar), (p) => p.startsWith('content/'));
    expect(commit).toBe(head);
    const listed = execFileSync('git', ['ls-tree', '-r', '--name-only', head, 'content/'], { cwd: projectRoot, encoding: 'utf8' }).trim().split('\n');
    expect(files.map((f) => f.path).sort()).toEqual(listed.sort());
    const sample = files.find((f) => f.path.endsWith('.md'))!;
    expect(Buffer.from(sample.content)).toEqual(execFileSync('git', ['show', `${head}:${sample.path}`], { cwd: projectRoot, maxBuffer: 1 << 30 }));
  });

  it('reads long paths from pax headers', () => {
    const long = `content/glossary/${'a'.repeat(150)}.md`;
    const { files } = readTarball(writeTarball('o-r-abc1234', 'f'.repeat(40), [[long, Buffer.from('x')]]), () => true);
    expect(files).toEqual([{ path: long, content: Buffer.from('x') }]);
  });
});
