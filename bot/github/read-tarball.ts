// Reads a repository tarball (as GitHub's codeload and `git archive` write it) into files, as
// data: nothing is extracted to disk, links are reported instead of followed.
import { gunzipSync } from 'node:zlib';
import type { SourceFile } from '#core';

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
  const text = field(block, start, length).trim();
  return text ? parseInt(text, 8) : 0;
}

/** Parses pax extended-header records (`<length> key=value\n`). */
function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number(data.subarray(at, space).toString());
    if (!length) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

/** The commit id and the files of a .tar.gz whose entries sit under one top folder, filtered by path. */
export function readTarball(gzipped: Uint8Array, keep: (path: string) => boolean): { commit?: string; files: SourceFile[] } {
  const tar = gunzipSync(gzipped);
  const files: SourceFile[] = [];
  let commit: string | undefined;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let at = 0;
  while (at + 512 <= tar.length) {
    const block = tar.subarray(at, at + 512);
    if (block.every((b) => b === 0)) break;
    const size = octal(block, 124, 12);
    const type = String.fromCharCode(block[156] || 0x30);
    const dataStart = at + 512;
    const data = tar.subarray(dataStart, dataStart + size);
    at = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'g') {
      commit = paxRecords(data).comment ?? commit;
      continue;
    }
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'L') {
      longName = field(data, 0, data.length);
      continue;
    }
    const prefix = block.subarray(257, 263).toString() === 'ustar\0' ? field(block, 345, 155) : '';
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
    pax = {};
    longName = undefined;
    // Drop the top folder (`owner-repo-sha/`).
    const slash = name.indexOf('/');
    const path = slash >= 0 ? name.slice(slash + 1) : '';
    if (!path || path.endsWith('/') || !keep(path)) continue;
    if (type === '0' || type === '\0' || type === '7') files.push({ path, content: Buffer.from(data) });
    else if (type === '1' || type === '2') {
      files.push({ path, content: '', unreadable: 'Unexpected symbolic link, expected a regular file (links are never followed)' });
    }
  }
  return { commit, files };
}
