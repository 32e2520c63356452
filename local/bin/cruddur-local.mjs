#!/usr/bin/env node
// Entry point of `npx cruddur-local <command>`: registers tsx so the TypeScript sources run as-is
// (the repository has no build step), then hands over to the command dispatcher.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
