import type { RequestHandler } from 'express';

/** A server that knows nothing of CORS still answers OPTIONS, with no Access-Control-* header. */
export const preflightWithoutCors: RequestHandler = (req, res, next) => {
  if (req.method !== 'OPTIONS') {
    next();
    return;
  }
  res.set('Allow', 'GET, POST, DELETE, OPTIONS').status(204).end();
};
