// Types for native-electron.mjs, so the TypeScript tests can import it.
export declare const repoRoot: string;
export declare const electronHeadersUrl: string;

export interface NativeElectronPaths {
  dir: string;
  buildSrc: string;
  gypDevDir: string;
  binary: string;
  stamp: string;
  source: string;
}
export interface NativeStamp {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}

export declare function nativeElectronPaths(root?: string): NativeElectronPaths;
export declare function prebuildCommand(options: {
  root?: string;
  electronVersion: string;
  arch?: string;
  platform?: string;
  nodeExecutable?: string;
}): { command: string; args: string[]; cwd: string };
export declare function nodeGypCommand(options: {
  root?: string;
  electronVersion: string;
  arch?: string;
  nodeExecutable?: string;
}): { command: string; args: string[]; cwd: string };
export declare function wantedStamp(root?: string, arch?: string): NativeStamp;
export declare function isUpToDate(paths: NativeElectronPaths, stamp: NativeStamp): boolean;
export declare function ensureElectronNative(options?: {
  root?: string;
  force?: boolean;
  fromSource?: boolean;
  arch?: string;
  log?: (message: string) => void;
}): string;
