// Runs in the page before the renderer: installs window.glossa exactly as the preload does,
// but over Playwright's binding instead of Electron's IPC.
import { buildApi, type GlossaApi, type Invoke } from '../../shared/bridge';
import { menuCommands, type MenuCommand } from '../../shared/contract';

declare global {
  interface Window {
    glossa?: GlossaApi;
    __glossaInvoke: Invoke;
    /** Lets a test send a menu command, as the Electron shell's menu does. */
    __glossaMenu(command: MenuCommand): void;
  }
}

const listeners = new Set<(command: MenuCommand) => void>();
window.__glossaMenu = (command) => {
  if (menuCommands.includes(command)) listeners.forEach((listener) => listener(command));
};
Object.defineProperty(window, 'glossa', {
  value: Object.freeze(
    buildApi(
      (channel, args) => window.__glossaInvoke(channel, args),
      (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    ),
  ),
  writable: false,
});

// Test code run through tsx (esbuild with keepNames) wraps functions passed to page.evaluate in
// __name(...); give the page a no-op so those functions run as written.
(globalThis as unknown as { __name: <T>(f: T) => T }).__name ??= (f) => f;
