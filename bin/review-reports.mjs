#!/usr/bin/env -S node --max-old-space-size=12288 --max-semi-space-size=32 --external-memory-accounted-in-global-limit
// Written for any Node up to the version check, so that an older one can read it and say what it needs:
// no static import (those would load first), no syntax newer than the check.
var needed = [22, 12];
var running = process.versions.node.split('.').map(Number);
if (running[0] < needed[0] || (running[0] === needed[0] && running[1] < needed[1])) {
  process.stderr.write(
    `review-reports needs Node.js ${needed.join('.')} or newer; this is Node.js ${process.versions.node}.\n`,
  );
  process.exit(2);
}
import('./start.mjs');
