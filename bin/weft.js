#!/usr/bin/env node
// Registers tsx so that Weft's sources and the user's TypeScript model files load directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/node.ts');
