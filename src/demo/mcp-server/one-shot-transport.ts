import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, JSONRPCRequest, JSONRPCResponse, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';

/**
 * Hands one request to an SDK server in this process and resolves with its response.
 * Lets the stateless 2026-07-28 endpoint reuse the SDK's tool handling without the SDK's
 * HTTP transport, which insists on the versions it knows.
 */
export class OneShotTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  #respond?: (response: JSONRPCResponse) => void;

  async start(): Promise<void> {}

  async send(message: JSONRPCMessage): Promise<void> {
    // Notifications (progress, logging) have no stream to go to here and are dropped.
    if ('id' in message && ('result' in message || 'error' in message)) this.#respond?.(message);
  }

  async close(): Promise<void> {
    this.onclose?.();
  }

  request(message: JSONRPCRequest, extra: MessageExtraInfo): Promise<JSONRPCResponse> {
    return new Promise((resolve) => {
      this.#respond = resolve;
      this.onmessage?.(message, extra);
    });
  }
}
