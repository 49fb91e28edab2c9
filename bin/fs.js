#!/usr/bin/env node
// Tiny shim: the CLI is the esbuild bundle built by `npm install` (prepare) or `npm run build`.
import { createRequire } from 'node:module';
createRequire(import.meta.url)('../dist/fs.cjs');
