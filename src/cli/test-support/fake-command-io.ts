import type { CommandIo } from '../command-io.ts';

export interface FakeCommandIo extends CommandIo {
  out: string[];
  err: string[];
  opened: string[];
  /** Plays the user's Ctrl-C. */
  stop(): void;
  /** Resolves once stdout has printed text matching `pattern`, with the match. */
  printed(pattern: RegExp): Promise<RegExpMatchArray>;
}

/** A terminal for one subcommand run: what it printed and opened, and a Ctrl-C to press. */
export function fakeCommandIo(appDir = '/nonexistent-app-folder'): FakeCommandIo {
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const io: FakeCommandIo = {
    out: [],
    err: [],
    opened: [],
    stdout: (text) => void io.out.push(text),
    stderr: (line) => void io.err.push(line),
    openBrowser: (url) => void io.opened.push(url),
    stopRequested: () => stopped,
    appDir: () => appDir,
    stop,
    printed: async (pattern) => {
      for (let waited = 0; waited < 15_000; waited += 20) {
        const match = pattern.exec(io.out.join(''));
        if (match) return match;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`Nothing printed matches ${pattern}; printed: ${io.out.join('')} ${io.err.join('\n')}`);
    },
  };
  return io;
}
