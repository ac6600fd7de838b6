// Types for package-files.mjs, so the TypeScript tests and the bench can import it.
export declare function readBuilderConfig(root?: string): Record<string, unknown> & { files: string[] };
export declare function packagedNodeModuleExclusions(root?: string): string[];
export declare function isExcludedFromPackage(relativePath: string, isDirectory: boolean): boolean;
export declare function packagedPayload(options: { root?: string; productionTree: string }): {
  bytes: number;
  mb: number;
  distBytes: number;
  nodeModulesBytes: number;
  files: number;
};
