// Bad files made at test time: the ones too big to commit (a 10 MB inline image, files over the
// size limit, a zip bomb) and the ones a checkout cannot hold (a dangling link, a FIFO).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { hostileHtml } from '../fixtures/make-fixtures';

/** A zip with one deflated entry per [name, content]; sizes written as they are (an honest zip). */
export function zipOf(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const packed = zlib.deflateRawSync(content, { level: 9 });
    const crc = zlib.crc32(content);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

/** A .docx whose document part unpacks to 150 MB of zeros from about 150 KB. */
export function docxBomb(): Buffer {
  return zipOf([
    ['[Content_Types].xml', contentTypes],
    ['word/document.xml', Buffer.alloc(150 * 1024 * 1024)],
  ]);
}

/** A .docx of many parts that together unpack past the limit, each packed no tighter than a real one. */
export function docxWideBomb(): Buffer {
  const part = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';
  const noisy = Buffer.alloc(2 * 1024 * 1024);
  for (let i = 0; i < noisy.length; i++) noisy[i] = (i * 2654435761) >>> 24;
  const entries: [string, Buffer][] = [['[Content_Types].xml', contentTypes], ['word/document.xml', Buffer.from(part)]];
  for (let i = 0; i < 140; i++) entries.push([`word/media/blob${i}.bin`, noisy]);
  return zipOf(entries);
}

export interface GeneratedCorpus {
  dir: string;
  /** file name -> the reason we expect (exact string or a fragment) */
  expected: Map<string, string | RegExp>;
}

/** Writes the generated bad files into dir and returns what each must say. */
export function writeGeneratedBadFiles(dir: string): GeneratedCorpus {
  const expected = new Map<string, string | RegExp>();
  const image = `<img src="data:image/png;base64,${'iVBORw0KGgo'.repeat(Math.ceil((10 * 1024 * 1024) / 11))}" onerror="document.title='IMG RAN'">`;
  fs.writeFileSync(path.join(dir, 'hostile-big-image.html'), hostileHtml(image));
  // Sparse files: over the limit without writing the bytes.
  for (const [name, size] of [['over-limit.txt', 33 * 1024 * 1024], ['over-limit.pdf', 129 * 1024 * 1024], ['over-limit.docx', 33 * 1024 * 1024]] as const) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, '');
    fs.truncateSync(file, size);
  }
  expected.set('over-limit.txt', 'over-limit.txt is 33.0 MB; Glossa imports text files up to 32.0 MB.');
  expected.set('over-limit.pdf', 'over-limit.pdf is 129.0 MB; Glossa imports PDF files up to 128.0 MB.');
  expected.set('over-limit.docx', 'over-limit.docx is 33.0 MB; Glossa imports Word (DOCX) files up to 32.0 MB.');
  fs.writeFileSync(path.join(dir, 'zip-bomb.docx'), docxBomb());
  expected.set('zip-bomb.docx', /zip-bomb\.docx was refused: word\/document\.xml is packed \d+ to 1\. It looks like a zip bomb/);
  fs.writeFileSync(path.join(dir, 'wide-zip-bomb.docx'), docxWideBomb());
  expected.set('wide-zip-bomb.docx', /wide-zip-bomb\.docx was refused: its parts would unpack to more than 256\.0 MB\. It looks like a zip bomb/);
  return { dir, expected };
}

/** A folder with entries that cannot be read as files (tests run as root: permissions would not stop us). */
export function writeUnreadableFolder(dir: string): { dir: string; expected: Map<string, string | RegExp>; skipped: string[]; good: string } {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.basename(dir);
  fs.writeFileSync(path.join(dir, 'readable.txt'), 'A readable report from the unreadable folder.\n');
  fs.symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'dangling-link.txt'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  fs.writeFileSync(path.join(dir, '.hidden.txt'), 'hidden files are skipped');
  fs.writeFileSync(path.join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  const expected = new Map<string, string | RegExp>([
    [`${base}/dangling-link.txt`, `${base}/dangling-link.txt could not be read: it is a link to something that does not exist.`],
    [`${base}/pipe.txt`, `${base}/pipe.txt is not a regular file (it is a device, pipe or socket).`],
  ]);
  return { dir, expected, skipped: [`${base}/photo.jpg`], good: `${base}/readable.txt` };
}
