/** A start failed because its port is taken; the message is the one line `npm start` prints. */
export class PortInUseError extends Error {
  constructor({ port, serverName, envVar }: { port: number; serverName: string; envVar: string }) {
    super(`Port ${port} is already in use, so the ${serverName} cannot start. Stop what is using it, or set ${envVar} to another port.`);
    this.name = 'PortInUseError';
  }
}

/** Turns "address in use" from our listen() (EADDRINUSE) or from Vite's strictPort into a PortInUseError. */
export async function explainPortInUse<T>(starting: Promise<T>, hint: { port: number; serverName: string; envVar: string }): Promise<T> {
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
