import { gzipSync } from "node:zlib";

/** One file of an archive. */
export interface ArchiveFile {
  path: string;
  content: Uint8Array;
}

function header(path: string, size: number, mtime: number): Uint8Array {
  const block = new Uint8Array(512);
  const encoder = new TextEncoder();
  const put = (text: string, offset: number, length: number) => block.set(encoder.encode(text).slice(0, length), offset);
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, "0");
  // ustar splits long names into a prefix (155 bytes) and a name (100 bytes) at a slash.
  let name = path;
  let prefix = "";
  if (encoder.encode(path).length > 100) {
    const cut = path.lastIndexOf("/", 155);
    if (cut <= 0 || encoder.encode(path.slice(cut + 1)).length > 100) throw new Error(`tar: the path is too long for ustar: ${path}`);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
  }
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(mtime, 12), 136, 12);
  block.fill(0x20, 148, 156); // the checksum field counts as spaces while summing
  put("0", 156, 1);
  put("ustar\u000000", 257, 8);
  put(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${octal(sum, 7)}\u0000 `, 148, 8);
  return block;
}

/** A gzipped ustar archive of the files, in the given order, with one fixed modification time (reproducible). */
export function tarGz(files: readonly ArchiveFile[], mtime: Date): Uint8Array {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const parts: Uint8Array[] = [];
  for (const file of files) {
    parts.push(header(file.path, file.content.length, seconds), file.content);
    const pad = (512 - (file.content.length % 512)) % 512;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}
