import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeParseArgsError } from './args.ts';
import type { CommandIo } from './command-io.ts';
import { EXIT_OK, EXIT_USAGE } from './exit-code.ts';

/** A subcommand's parse: its options, a request for help, or a sentence on what is wrong. */
export type ParsedCommand<T> = { kind: 'run'; options: T } | { kind: 'help' } | { kind: 'error'; message: string };

export class UsageError extends Error {}

/** Every subcommand understands these two; the dispatcher answers --version, the command prints its usage for --help. */
export const COMMON_OPTIONS = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'V' } } as const;

/** util.parseArgs in strict mode, its errors (and any UsageError thrown by `read`) turned into a ParsedCommand. */
export function parseCommand<T>(
  argv: string[],
  options: ParseArgsConfig['options'],
  read: (parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] }) => T,
): ParsedCommand<T> {
  try {
    const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) return { kind: 'help' };
    return { kind: 'run', options: read({ values, positionals: parsed.positionals }) };
  } catch (error) {
    return { kind: 'error', message: error instanceof UsageError ? error.message : describeParseArgsError(error) };
  }
}

export function portOption(value: string | boolean | undefined, flag: string): number {
  if (value === undefined) return 0;
  const text = String(value).trim();
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new UsageError(`${flag} takes a port number from 1 to 65535 (got "${String(value)}").`);
  }
  return Number(text);
}

export function httpUrlArgument(value: string, what: string): string {
  const url = URL.parse(value.trim());
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`${what} must be an absolute http(s) URL such as https://example.com/mcp (got "${value}").`);
  }
  return url.href;
}

export function noMorePositionals(positionals: string[], allowed: number, command: string): void {
  if (positionals.length > allowed) throw new UsageError(`Unexpected argument "${positionals[allowed]}". See mcp-auth-flow ${command} --help.`);
}

/** --help prints the usage (exit 0); a usage error says what is wrong, naming the command (exit 2). */
export function answerUsage(parsed: { kind: 'help' } | { kind: 'error'; message: string }, usage: string, command: string, io: CommandIo): number {
  if (parsed.kind === 'help') {
    io.stdout(`${usage}\n`);
    return EXIT_OK;
  }
  io.stderr(`mcp-auth-flow ${command}: ${parsed.message}`);
  return EXIT_USAGE;
}
