import type { Router } from 'express';

/** Routes a caller adds to a demo server's origin, ahead of the server's own (the fault scenarios). */
export interface MountedRoutes {
  router: Router;
  close(): Promise<void>;
}

/** Builds the extra routes once the server knows its own origin (it may listen on port 0). */
export type ExtraRoutes = (origin: string) => Promise<MountedRoutes>;
