#!/usr/bin/env node
// Tiny shim: the CLI is the esbuild bundle built by `npm install` (prepare) or `npm run build`.
// CommonJS on purpose: Node's ESM loader would add milliseconds to every start.
'use strict';
require('../dist/fs.cjs');
