// DOCX to paragraphs through mammoth. A DOCX is a zip, so before mammoth opens it the zip is
// checked with yauzl: the central directory's sizes, the number of parts, how tightly each is
// packed, and then the parts are inflated once with a running count, so a zip bomb (or a zip
// whose directory lies about sizes) is refused before it can fill memory.
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { domToText } from './html';
import { JSDOM } from 'jsdom';
import { checkTextLength, formatSize, importError, maxDocxEntries, maxDocxRatio, maxDocxTightBytes, maxDocxUnpackedBytes } from './limits';

interface DocxDocument {
  title: string | null;
  author: string | null;
  text: string;
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip),
    );
  });
}

class BombError extends Error {}

/** Checks every part of the zip and returns the small XML parts Glossa reads metadata from. */
async function inspectZip(fileName: string, bytes: Uint8Array): Promise<Map<string, string>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw importError(`${fileName} is not a Word document: a .docx file is a zip archive, and this one is not (or is damaged).`);
  }
  const bomb = (why: string) =>
    new BombError(`${fileName} was refused: ${why}. It looks like a zip bomb, not a Word document (Glossa unpacks at most ${formatSize(maxDocxUnpackedBytes)}).`);
  if (zip.entryCount > maxDocxEntries) {
    zip.close();
    throw importError(`${fileName} has ${zip.entryCount} parts; a Word document has far fewer (at most ${maxDocxEntries} are read).`);
  }
  const small = new Map<string, string>();
  let total = 0;
  let declaredTotal = 0;
  let hasDocument = false;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (/\/$/.test(entry.fileName)) {
          zip.readEntry();
          return;
        }
        if (entry.fileName === 'word/document.xml') hasDocument = true;
        declaredTotal += entry.uncompressedSize;
        if (declaredTotal > maxDocxUnpackedBytes) return reject(bomb(`its parts would unpack to more than ${formatSize(maxDocxUnpackedBytes)}`));
        if (entry.uncompressedSize > maxDocxTightBytes && entry.uncompressedSize / Math.max(1, entry.compressedSize) > maxDocxRatio) {
          return reject(bomb(`${entry.fileName} is packed ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} to 1`));
        }
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) return reject(error ?? new Error('unreadable part'));
          const keep = entry.fileName === 'docProps/core.xml';
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > maxDocxUnpackedBytes) {
              stream.destroy();
              reject(bomb(`its parts unpack to more than ${formatSize(maxDocxUnpackedBytes)}`));
            } else if (keep) chunks.push(chunk);
          });
          stream.on('error', reject);
          stream.on('end', () => {
            if (keep) small.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof BombError) throw importError(error.message);
    throw importError(`${fileName} is a damaged Word document (${(error as Error).message}).`);
  } finally {
    zip.close();
  }
  if (!hasDocument) throw importError(`${fileName} is a zip archive but not a Word document (it has no word/document.xml).`);
  return small;
}

function coreProperty(xml: string | undefined, tag: string): string | null {
  if (!xml) return null;
  const match = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!match) return null;
  const value = match[1]!
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return value === '' ? null : value.slice(0, 500);
}

export async function docxToDocument(fileName: string, bytes: Uint8Array): Promise<DocxDocument> {
  const parts = await inspectZip(fileName, bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Images are dropped: only text is imported.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    throw importError(`${fileName} is a damaged Word document (${(error as Error).message}).`);
  }
  const fragment = JSDOM.fragment(html);
  const text = domToText(fragment);
  if (text.trim() === '') throw importError(`${fileName} has no text.`);
  checkTextLength(fileName, text);
  const heading = fragment.querySelector('h1, h2')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const core = parts.get('docProps/core.xml');
  return {
    title: coreProperty(core, 'dc:title') ?? heading,
    author: coreProperty(core, 'dc:creator'),
    text,
  };
}
