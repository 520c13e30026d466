// Compiled in at build time (esbuild inlines the one field), so the installed command reads no file to know it.
// eslint-disable-next-line boundaries/dependencies -- package.json belongs to no layer; the version is its one field used
import { version } from '../../package.json';

export const VERSION: string = version;
