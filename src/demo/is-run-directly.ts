import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * True when the module at `moduleUrl` is the script Node was started with (`tsx src/demo/start.ts`), false when
 * another module imports it (the tests, or the packaged `mcp-auth-flow` command, whose entry is another file).
 */
export function isRunDirectly(moduleUrl: string): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
