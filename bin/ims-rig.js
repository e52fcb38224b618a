#!/usr/bin/env node
'use strict';
// ims-rig runs from the compiled TypeScript in dist/ (built by `npm ci` through the prepare script).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'harness', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('ims-rig: dist/ is missing; run `npm run build` (npm ci does it for you)\n');
  process.exit(3);
}
require(entry)
  .main(process.argv)
  .then((code) => { process.exitCode = code; })
  .catch((e) => { process.stderr.write(`ims-rig: ${e && e.stack ? e.stack : e}\n`); process.exitCode = 3; });
