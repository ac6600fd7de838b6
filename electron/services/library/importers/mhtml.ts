// MHTML (a web page saved as one file by Chromium or Edge): a MIME multipart/related message
// whose first text/html part is the page. Only that part is read; images and frames are not.
import { decodeHtml, type DecodedHtml } from './html-decoding';
import { importError } from './limits';

interface Part {
  headers: Map<string, string>;
  body: string;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  // Folded header lines continue with white space.
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function splitHead(raw: string): Part {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { headers: parseHeaders(raw), body: '' };
  return { headers: parseHeaders(raw.slice(0, match.index)), body: raw.slice(match.index + match[0].length) };
}

function param(header: string | undefined, name: string): string | null {
  if (!header) return null;
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function quotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(c & 0xff);
    }
  }
  return Uint8Array.from(out);
}

interface MhtmlPage extends DecodedHtml {
  url: string | null;
}

export function mhtmlToHtml(fileName: string, bytes: Uint8Array, chosenEncoding?: string): MhtmlPage {
  // MIME headers and transfer-encoded bodies are ASCII; latin1 keeps every byte as one char.
  const raw = new TextDecoder('latin1').decode(bytes);
  const top = splitHead(raw);
  const type = top.headers.get('content-type') ?? '';
  const boundary = param(type, 'boundary');
  const parts: Part[] = [];
  if (/^multipart\//i.test(type) && boundary) {
    for (const chunk of top.body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      parts.push(splitHead(chunk.replace(/^\r?\n/, '')));
    }
  } else if (/^text\/html/i.test(type)) {
    parts.push(top);
  }
  const page = parts.find((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (!page) throw importError(`${fileName} is not a saved web page (MHTML): it has no HTML part.`);
  const transfer = (page.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  let body: Uint8Array;
  if (transfer === 'quoted-printable') body = quotedPrintable(page.body);
  else if (transfer === 'base64') body = Buffer.from(page.body.replace(/\s+/g, ''), 'base64');
  else body = Uint8Array.from(page.body, (ch) => ch.charCodeAt(0) & 0xff);
  const url = top.headers.get('snapshot-content-location') ?? page.headers.get('content-location') ?? null;
  return { ...decodeHtml(body, param(page.headers.get('content-type'), 'charset'), chosenEncoding), url };
}
