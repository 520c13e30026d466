/** Where the relay listens and the secret it was started with (from /__demo/config.json). */
export interface RelayEndpoint {
  url: string;
  secret: string;
  /** The run's flow grant, asked for on first use (relay-grant.ts); the relay refuses requests without one. */
  grant?: () => Promise<string>;
}
