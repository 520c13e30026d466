/** The largest file import accepts. A browser HAR with content runs to a few MB; this leaves room without freezing the tab. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export const MAX_IMPORT_LABEL = '25 MB';
