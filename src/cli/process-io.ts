import { builtAppDir } from './built-app-dir.ts';
import type { CommandIo } from './command-io.ts';
import { openSystemBrowser } from './open-browser.ts';

/** The real terminal. The first Ctrl-C (or SIGTERM) asks the command to stop; a second one exits at once. */
export function processIo(): CommandIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (line) => void process.stderr.write(`${line}\n`),
    openBrowser: (url) => openSystemBrowser(url),
    appDir: builtAppDir,
    stopRequested: () =>
      new Promise<void>((resolve) => {
        let stopping = false;
        const stop = () => {
          if (stopping) process.exit(130); // the second Ctrl-C does not wait for the servers
          stopping = true;
          process.stderr.write('\nStopping… (press Ctrl-C again to quit at once)\n');
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      }),
  };
}
