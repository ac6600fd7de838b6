// Types for linux-sandbox.mjs, so the TypeScript tests can import it.
export interface SandboxProbe {
  platform: string;
  userNamespacesWork: boolean;
  helperIsSetuidRoot: boolean;
  helperPath: string;
}
export declare function sandboxDecision(probe: SandboxProbe): { args: string[]; warning: string | null };
export declare function probeLinuxSandbox(electronBinary: string): SandboxProbe;
