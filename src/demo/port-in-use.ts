/**
 * Where the user chooses a server's port: an environment variable for `npm start` (APP_PORT), a flag for
 * the packaged command (`mcp-auth-flow demo --auth-port`).
 */
export type PortSetting = { envVar: string } | { flag: string };

export interface PortHint {
  port: number;
  serverName: string;
  setting: PortSetting;
}

/** A start failed because its port is taken; the message is the one line `npm start` and the command print. */
export class PortInUseError extends Error {
  constructor({ port, serverName, setting }: PortHint) {
    const remedy = 'envVar' in setting ? `set ${setting.envVar} to another port` : `choose another port with ${setting.flag} <port>`;
    super(`Port ${port} is already in use, so the ${serverName} cannot start. Stop what is using it, or ${remedy}.`);
    this.name = 'PortInUseError';
  }
}

/** Turns "address in use" from our listen() (EADDRINUSE) or from Vite's strictPort into a PortInUseError. */
export async function explainPortInUse<T>(starting: Promise<T>, hint: PortHint): Promise<T> {
  try {
    return await starting;
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === 'EADDRINUSE' || (typeof message === 'string' && /^Port \d+ is already in use$/.test(message))) {
      throw new PortInUseError(hint);
    }
    throw error;
  }
}
