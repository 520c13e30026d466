import type { RequestHandler } from 'express';
import { isAllowedBrowserOrigin } from '../browser-origin.ts';

const ALWAYS_ALLOWED_HEADERS = ['authorization', 'content-type'];

/**
 * oidc-provider answers CORS on discovery, JWKS and token, but not on dynamic client
 * registration (its preflight would get no Access-Control-* headers at all), and a
 * browser client has to register before anything else.
 */
export function registrationCors(registrationPath: string, appOrigin: string): RequestHandler {
  return (req, res, next) => {
    if (req.path !== registrationPath && !req.path.startsWith(`${registrationPath}/`)) {
      next();
      return;
    }
    res.vary('Origin');
    const origin = req.get('origin');
    if (!origin || !isAllowedBrowserOrigin(origin, appOrigin)) {
      next();
      return;
    }
    res.set('Access-Control-Allow-Origin', origin);

    if (req.method !== 'OPTIONS' || !req.get('access-control-request-method')) {
      next();
      return;
    }
    const requested = (req.get('access-control-request-headers') ?? '')
      .split(',')
      .map((header) => header.trim().toLowerCase())
      .filter(Boolean);
    res.set({
      'Access-Control-Allow-Methods': 'GET, POST',
      'Access-Control-Allow-Headers': [...new Set([...ALWAYS_ALLOWED_HEADERS, ...requested])].join(', '),
      'Access-Control-Max-Age': '3600',
    });
    res.status(204).end();
  };
}
