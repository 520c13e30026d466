import type { RequestHandler } from 'express';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

export const LEGACY_PROTOCOL_VERSION = '2025-03-26';

/**
 * The SDK answers initialize with the newest version it shares with the client; a server
 * written for 2025-03-26 knows no newer one, so it offers that whatever the client asks.
 */
export const pinInitializeVersion: RequestHandler = (req, _res, next) => {
  if (isInitializeRequest(req.body)) req.body.params.protocolVersion = LEGACY_PROTOCOL_VERSION;
  next();
};
