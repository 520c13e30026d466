/** What a subcommand talks to: the terminal, the browser, the user's Ctrl-C and the built app. Tests pass their own. */
export interface CommandIo {
  stdout(text: string): void;
  /** One line, for what is said along the way and for errors. */
  stderr(line: string): void;
  openBrowser(url: string): void;
  /** Resolves when the user asks to stop (Ctrl-C); a long-running command then closes its servers. */
  stopRequested(): Promise<void>;
  /** The built app's folder; throws with what to do when there is none. */
  appDir(): string;
}
