// Writes gzipped tarballs the way GitHub's codeload does: a pax global header carrying the
// commit id, then `<owner>-<repo>-<short sha>/` with every file (pax headers for long paths).
import { gzipSync } from 'node:zlib';

function header(name: string, size: number, type: string, mtime: number, linkName = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0, 'utf8');
  h.write(type === '2' ? '0000777\0' : '0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write(`${Math.floor(mtime).toString(8).padStart(11, '0')}\0`, 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write(linkName.slice(0, 100), 157, 'utf8');
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function padded(data: Buffer): Buffer[] {
  const rest = data.byteLength % 512;
  return rest ? [data, Buffer.alloc(512 - rest)] : [data];
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return `${length}${body}`;
}

/** A .tar.gz of files under a top folder, with the commit id in a pax global header; `symlinks` are written as links to their blob's text. */
export function writeTarball(top: string, commitId: string, files: Iterable<[string, Buffer]>, mtime = Date.UTC(2025, 0, 1) / 1000, symlinks: ReadonlySet<string> = new Set()): Buffer {
  const parts: Buffer[] = [];
  const global = Buffer.from(paxRecord('comment', commitId));
  parts.push(header('pax_global_header', global.byteLength, 'g', mtime), ...padded(global));
  parts.push(header(`${top}/`, 0, '5', mtime));
  const dirs = new Set<string>();
  for (const [path, content] of files) {
    const segments = path.split('/');
    for (let i = 1; i < segments.length; i++) {
      const dir = `${top}/${segments.slice(0, i).join('/')}/`;
      if (!dirs.has(dir)) {
        dirs.add(dir);
        parts.push(header(dir, 0, '5', mtime));
      }
    }
    const name = `${top}/${path}`;
    if (Buffer.byteLength(name) > 100) {
      const pax = Buffer.from(paxRecord('path', name));
      parts.push(header('pax_header', pax.byteLength, 'x', mtime), ...padded(pax));
    }
    if (symlinks.has(path)) parts.push(header(name, 0, '2', mtime, content.toString('utf8')));
    else parts.push(header(name, content.byteLength, '0', mtime), ...padded(content));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}
