// File plumbing for datasets: reading granted files with a size limit (safe-read.ts), and a small
// ZIP reader and writer (stored or deflated entries, no ZIP64) that refuses zip bombs: declared
// sizes are checked before anything is inflated, inflation stops
// at the declared size, and every entry's CRC-32 is checked.
import path from 'node:path';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { readGrantedFile } from '../safe-read';

/** Files larger than this are refused before they are read (a JS string holds at most ~512 M characters). */
export const maxImportBytes = 256 * 1024 * 1024;
/** An archive may hold at most this much once unpacked. */
const maxUnpackedBytes = 512 * 1024 * 1024;
/** Above 1 MB, an entry may not unpack to more than this many times its packed size. */
const maxRatio = 200;

function mb(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/**
 * Reads a file to import (safe-read.ts: regular files only, the limit checked before reading,
 * off the main thread). within: the chosen folder's real path, for files found in it.
 */
export function readLimited(file: string, limit = maxImportBytes, within?: string): Promise<Buffer> {
  const name = path.basename(file);
  const tooLarge = (size: number) => `${name} is ${mb(size)}; Glossa imports annotation files up to ${mb(limit)}. Split it and import the parts.`;
  return readGrantedFile(file, { limit, name, within, tooLarge });
}

/** UTF-8 text of a file to import, without a leading byte order mark. */
export async function readText(file: string, limit = maxImportBytes): Promise<string> {
  return decodeUtf8(await readLimited(file, limit), path.basename(file)).replace(/^\uFEFF/, '');
}

export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new AppError('IMPORT_FAILED', `${name} is not UTF-8 text. Nothing was imported.`);
  }
}

// ---------------------------------------------------------------------------------------------
// ZIP

interface ZipEntry {
  name: string;
  data: Uint8Array;
}

function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** A ZIP of deflated entries (names in UTF-8). */
export function zip(entries: readonly ZipEntry[], date = new Date()): Buffer {
  const { time, day } = dosTime(date);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = zlib.deflateRawSync(entry.data, { level: 6 });
    const crc = zlib.crc32(entry.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(day, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    parts.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, centralBytes, end]);
}

/** The entries of a ZIP, checked against bombs; throws IMPORT_FAILED naming the file. */
export function unzip(bytes: Buffer, name: string): Map<string, Buffer> {
  const fail = (why: string) => new AppError('IMPORT_FAILED', `${name}: ${why} Nothing was imported.`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail('this is not a Glossa archive (not a ZIP file).');
  const count = bytes.readUInt16LE(eocd + 10);
  const centralSize = bytes.readUInt32LE(eocd + 12);
  const centralOffset = bytes.readUInt32LE(eocd + 16);
  if (centralOffset === 0xffffffff || count === 0xffff) throw fail('the archive uses ZIP64, which Glossa does not write or read.');
  if (centralOffset + centralSize > eocd) throw fail('the archive is damaged (its directory points outside the file).');
  const entries: { name: string; method: number; packed: number; size: number; crc: number; local: number; flags: number }[] = [];
  let at = centralOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw fail('the archive is damaged (bad directory entry).');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const packed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const entryName = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    if (flags & 1) throw fail(`"${entryName}" is encrypted.`);
    if (method !== 0 && method !== 8) throw fail(`"${entryName}" is compressed with a method Glossa does not read (${method}).`);
    total += size;
    if (size > maxUnpackedBytes || total > maxUnpackedBytes) {
      throw fail(`it would unpack to more than ${mb(maxUnpackedBytes)} (a zip bomb, or not an archive Glossa wrote).`);
    }
    if (size > 1024 * 1024 && size > packed * maxRatio) {
      throw fail(`"${entryName}" would unpack to ${mb(size)} from ${packed} bytes (a zip bomb).`);
    }
    entries.push({ name: entryName, method, packed, size, crc: crc >>> 0, local, flags });
  }
  const out = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.local + 30 > bytes.length || bytes.readUInt32LE(entry.local) !== 0x04034b50) throw fail(`"${entry.name}" is damaged.`);
    const start = entry.local + 30 + bytes.readUInt16LE(entry.local + 26) + bytes.readUInt16LE(entry.local + 28);
    const packed = bytes.subarray(start, start + entry.packed);
    let data: Buffer;
    try {
      data = entry.method === 0 ? Buffer.from(packed) : zlib.inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw fail(`"${entry.name}" unpacks to more than it declares, or is damaged (a zip bomb?).`);
    }
    if (data.length !== entry.size || (zlib.crc32(data) >>> 0) !== entry.crc) throw fail(`"${entry.name}" is damaged (its size or checksum is wrong).`);
    out.set(entry.name, data);
  }
  return out;
}
