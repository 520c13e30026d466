import { startRelay } from '../start-relay.ts';
import { APP_ORIGIN } from './relay-client.ts';

/** A relay in a process of its own, so a test can measure its memory and its answers apart from the load it makes. */
const relay = await startRelay({ port: 0, allowedOrigins: [APP_ORIGIN] });
process.stdout.write(`${JSON.stringify({ url: relay.url, secret: relay.secret })}\n`);
process.on('SIGTERM', () => void relay.close().then(() => process.exit(0)));
