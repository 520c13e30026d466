/**
 * The engine's fetch, watched: whether any request got an answer from a server (any status, even
 * one a browser would then block). When none did, the server could not be reached at all, which
 * the CLI reports with its own exit code (exit-code.ts).
 */
export interface AnswerWatch {
  fetch: typeof fetch;
  readonly answered: boolean;
}

export function watchAnswers(transport: typeof fetch = globalThis.fetch.bind(globalThis)): AnswerWatch {
  let answered = false;
  return {
    fetch: async (input, init) => {
      const response = await transport(input, init);
      answered = true;
      return response;
    },
    get answered() {
      return answered;
    },
  };
}
