/**
 * What one import may hold. A file over `fileBytes` is refused before it is parsed; anything over
 * another limit is cut to it, and the app says what was cut. The numbers leave room for any real
 * MCP authorization trace (a run is tens of exchanges, a browser HAR a few hundred) while keeping
 * the import, the diagram and every view under a second or two on a slow laptop.
 *
 * Why the old single byte limit did not hold: it bounded the file, not what a view does with it.
 * 100,000 headers or 20,000 entries fit in 3 MB and still froze the diagram and the tables, and a
 * 24 MB body fit under 25 MB and was then laid out whole on every click.
 */
export const IMPORT_LIMITS = {
  /** The largest file read at all (bytes). A browser HAR with content runs to a few MB. */
  fileBytes: 25 * 1024 * 1024,
  /**
   * Exchanges (HAR entries, report exchanges) kept. Each is a pair of arrows in the diagram, which
   * draws only what is near the view: 1,000 are interactive well within a second (`npm run bench`).
   */
  exchanges: 1_000,
  /** Steps kept: each is a band across the diagram, drawn like an exchange. A run has ten or twenty. */
  steps: 1_000,
  /** Headers kept per request or response. Real messages carry a few dozen. */
  headersPerMessage: 200,
  /** Characters kept per body: the recorder's own cap on a live response (512 KiB). */
  bodyChars: 512 * 1024,
  /** Characters kept per other text field (URL, header value, label, note, finding detail). */
  textChars: 16 * 1024,
  /** Items kept per other list (findings, notes, exchange ids of a step). */
  listItems: 1_000,
} as const;

export const MAX_IMPORT_LABEL = '25 MB';
