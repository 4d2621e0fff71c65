// Runs the exported faceidmsg.ts: prints, as JSON, lookup(ns, code) for
// each [ns, code] pair read from argv[2]. The Go test type-checks this
// with tsc against the export, then runs it under Node.
import { lookup, keyOf, namespaces } from "./faceidmsg.js";

declare const process: { argv: string[] };

const queries: [string, string][] = JSON.parse(process.argv[2]);
const out = queries.map(([ns, code]) => ({ ...lookup(ns, code), plainKey: keyOf(ns, code) }));
console.log(JSON.stringify({ namespaces, out }));
