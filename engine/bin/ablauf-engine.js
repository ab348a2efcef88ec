#!/usr/bin/env node
// A committed, executable shim: npm links bins at install time, before `tsc -b` has written dist/.
import '../dist/bin/ablauf-engine.js'
