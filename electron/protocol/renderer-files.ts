// Serves the renderer build to the window: the Electron shell's app:// protocol handler and
// the test harness both answer requests through this, with the same security headers.
import fs from 'node:fs';
import path from 'node:path';

export const rendererOrigin = { scheme: 'app', host: 'glossa' } as const;
export const rendererEntryUrl = `${rendererOrigin.scheme}://${rendererOrigin.host}/index.html`;

/** No inline or eval script, nothing remote, no plugins, no framing. */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

interface FileResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Answers a request path (e.g. "/index.html") from the renderer build folder. */
export function serveRendererFile(rootDir: string, requestPath: string): FileResponse {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return { status: 400, headers, body: Buffer.from('Bad request') };
  }
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) {
    return { status: 403, headers, body: Buffer.from('Forbidden') };
  }
  try {
    const body = fs.readFileSync(file);
    const type = mimeTypes[path.extname(file)] ?? 'application/octet-stream';
    return { status: 200, headers: { ...headers, 'Content-Type': type }, body };
  } catch {
    return { status: 404, headers, body: Buffer.from('Not found') };
  }
}
