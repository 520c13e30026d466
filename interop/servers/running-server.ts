/** A third-party server the interop suite started on loopback: its MCP endpoint, and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}
