// Types for package-size.mjs, so the bench can import it.
export declare function measurePackageSize(options?: { log?: (message: string) => void }): { mb: number; method: string };
