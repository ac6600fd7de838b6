// The app:// file server shared by the Electron shell and the test harness.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, serveRendererFile } from '../../electron/protocol/renderer-files';
import { tempDir } from './helpers';

function rendererDir(): string {
  const root = tempDir();
  const dir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Glossa</title>');
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'assets', 'font.woff2'), 'woff');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
  return dir;
}

describe('renderer file server', () => {
  it('serves files with their type and the security headers', () => {
    const dir = rendererDir();
    const js = serveRendererFile(dir, '/app.js');
    expect(js.status).toBe(200);
    expect(js.body.toString()).toBe('console.log(1)');
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(js.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(serveRendererFile(dir, '/assets/font.woff2').headers['Content-Type']).toBe('font/woff2');
  });

  it('serves index.html for / and ignores query and hash', () => {
    const dir = rendererDir();
    expect(serveRendererFile(dir, '/').body.toString()).toContain('<title>Glossa</title>');
    expect(serveRendererFile(dir, '/index.html?x=1#top').status).toBe(200);
  });

  it('has a CSP without inline or eval script, remote sources or framing', () => {
    const directives = new Map(
      contentSecurityPolicy.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
  });

  it('refuses to leave the renderer folder, however the path is spelled', () => {
    const dir = rendererDir();
    for (const request of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%2F..%2Fsecret.txt']) {
      const answer = serveRendererFile(dir, request);
      expect(answer.status, request).not.toBe(200);
      expect(answer.body.toString(), request).not.toContain('do not serve');
    }
    expect(serveRendererFile(dir, '/../secret.txt').status).toBe(403);
  });

  it('answers 404 for missing files and folders, 400 for malformed escapes, with the CSP', () => {
    const dir = rendererDir();
    for (const request of ['/missing.js', '/assets/', '/assets', '/app.js%00.png']) {
      const answer = serveRendererFile(dir, request);
      expect(answer.status, request).toBe(404);
      expect(answer.headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    }
    expect(serveRendererFile(dir, '/%E0%A4%A.js').status).toBe(400);
  });

  it('has the same policy in index.html as in the header, but for frame-ancestors', () => {
    const html = fs.readFileSync(path.join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const header = contentSecurityPolicy
      .split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(header);
  });
});
