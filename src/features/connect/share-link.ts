import { isSpecVersion, type SpecVersion } from '../../engine/spec/versions.ts';

/** What a shareable link carries. Never a secret: only the setup needed to reproduce a run. */
export interface LinkSetup {
  server?: string;
  spec?: SpecVersion;
  run: boolean;
}

export function readLink(search: string): LinkSetup {
  const params = new URLSearchParams(search);
  const server = params.get('server')?.trim();
  const spec = params.get('spec');
  return {
    ...(server ? { server } : {}),
    ...(isSpecVersion(spec) ? { spec } : {}),
    run: params.get('run') === '1',
  };
}

export function buildLink(origin: string, setup: { server: string; spec: SpecVersion }, run: boolean): string {
  const params = new URLSearchParams({ server: setup.server, spec: setup.spec });
  if (run) params.set('run', '1');
  return `${origin}/?${params}`;
}
