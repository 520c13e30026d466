/** What the inspector shows: one exchange, or one step. */
export type Selection = { kind: 'exchange'; id: string } | { kind: 'step'; id: string } | null;
