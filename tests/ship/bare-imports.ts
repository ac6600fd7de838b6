// The packages a built bundle loads at run time: every require("x"), import("x") and
// <require>.resolve("x") with a bare specifier, as esbuild leaves them in dist/ (minified or not).
import { builtinModules } from 'node:module';

const loads = /(?<![\w$.])(?:require|import|require\.resolve|[A-Za-z_$][\w$]*\.resolve)\(\s*(["'`])([^"'`\s]+)\1\s*\)/g;
const builtins = new Set(builtinModules);

export interface BareImport {
  specifier: string;
  packageName: string;
}

/** "pdfjs-dist/legacy/build/pdf.mjs" -> "pdfjs-dist", "@mozilla/readability/x" -> "@mozilla/readability". */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function isBare(specifier: string): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return false;
  if (builtins.has(specifier) || builtins.has(specifier.split('/')[0]!)) return false;
  // A package name: lower-case letters, digits, - . _ ~, optionally scoped.
  return /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(?:\/[^\s]*)?$/.test(specifier);
}

export function bareImports(code: string): BareImport[] {
  const found = new Map<string, BareImport>();
  for (const match of code.matchAll(loads)) {
    const specifier = match[2]!;
    if (isBare(specifier)) found.set(specifier, { specifier, packageName: packageNameOf(specifier) });
  }
  return [...found.values()].sort((a, b) => a.specifier.localeCompare(b.specifier));
}
