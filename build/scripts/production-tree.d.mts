// Types for production-tree.mjs, so the TypeScript tests can import it.
export declare const repoRoot: string;
export declare function productionTreeKey(root?: string): string;
export declare function productionTreeDir(root?: string): string;
export declare function ensureProductionTree(options?: { root?: string; log?: (message: string) => void }): {
  dir: string;
  installMs: number;
};
export declare function stageBuiltApp(treeDir: string, root?: string): string;
