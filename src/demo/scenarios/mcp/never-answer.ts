import type { RequestHandler } from 'express';

/**
 * Reads nothing and answers nothing, like a server stuck on a dead upstream. The demo's
 * http-server close() drops every open connection, so the hanging request does not keep it up.
 */
export const neverAnswer: RequestHandler = () => {};
