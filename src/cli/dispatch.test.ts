import { describe, expect, it } from 'vitest';
import { routeCommandLine } from './dispatch.ts';

const SERVER = 'https://mcp.example.com/mcp';

describe('routeCommandLine', () => {
  it('opens the app when given nothing, or options only', () => {
    expect(routeCommandLine([])).toEqual({ kind: 'command', command: 'ui', argv: [] });
    expect(routeCommandLine(['--port', '7000', '--no-open'])).toEqual({ kind: 'command', command: 'ui', argv: ['--port', '7000', '--no-open'] });
  });

  it('hands each subcommand the arguments after its name', () => {
    expect(routeCommandLine(['ui', SERVER, '--no-open'])).toEqual({ kind: 'command', command: 'ui', argv: [SERVER, '--no-open'] });
    expect(routeCommandLine(['demo', '--port', '7000'])).toEqual({ kind: 'command', command: 'demo', argv: ['--port', '7000'] });
    expect(routeCommandLine(['check', SERVER, '--json'])).toEqual({ kind: 'command', command: 'check', argv: [SERVER, '--json'] });
    expect(routeCommandLine(['relay', '--allow-origin', 'https://host.example'])).toEqual({
      kind: 'command',
      command: 'relay',
      argv: ['--allow-origin', 'https://host.example'],
    });
  });

  it('keeps `mcp-auth-flow <server-url> [options]` as the short form of check, with options before or after the URL', () => {
    expect(routeCommandLine([SERVER])).toEqual({ kind: 'command', command: 'check', argv: [SERVER] });
    expect(routeCommandLine(['--json', SERVER])).toEqual({ kind: 'command', command: 'check', argv: ['--json', SERVER] });
    expect(routeCommandLine([SERVER, '--spec', 'auto'])).toEqual({ kind: 'command', command: 'check', argv: [SERVER, '--spec', 'auto'] });
    // Not a valid URL, but meant as one: check says what is wrong with it.
    expect(routeCommandLine(['example.com/mcp'])).toEqual({ kind: 'command', command: 'check', argv: ['example.com/mcp'] });
  });

  it('answers --version for the command and for every subcommand, and --help at the top', () => {
    for (const argv of [
      ['--version'],
      ['-V'],
      ['ui', '--version'],
      ['demo', '-V'],
      ['check', SERVER, '--version'],
      ['relay', '--version'],
      [SERVER, '--version'],
    ]) {
      expect(routeCommandLine(argv), argv.join(' ')).toEqual({ kind: 'version' });
    }
    expect(routeCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(routeCommandLine(['-h'])).toEqual({ kind: 'help' });
    // A subcommand's --help is the subcommand's own.
    expect(routeCommandLine(['demo', '--help'])).toEqual({ kind: 'command', command: 'demo', argv: ['--help'] });
    // After `--`, --version is an argument, not the option.
    expect(routeCommandLine(['check', '--tool-args', '--', '--version'])).toMatchObject({ kind: 'command', command: 'check' });
  });

  it('refuses an unknown command by name instead of trying it as a URL', () => {
    expect(routeCommandLine(['serve'])).toEqual({
      kind: 'error',
      message: 'Unknown command "serve". The commands are ui, demo, check, relay, or give a server URL to check it. See mcp-auth-flow --help.',
    });
  });
});
