#!/usr/bin/env node
// The `mcp-auth-flow` command. The CLI is TypeScript run through tsx, a runtime dependency.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
