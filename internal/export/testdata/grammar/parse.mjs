// node parse.mjs LANG FILE...: parses each FILE with the tree-sitter
// grammar of LANG (swift or dart) and prints each syntax error as
// file:line:column; exit status 1 when there is one. Loading a grammar
// can take seconds (Swift's is large), so one run parses every file.
import { setFlagsFromString } from "node:v8";
import { Parser, Language } from "web-tree-sitter";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// V8's optimising tier takes about 7 s to compile tree-sitter-swift's
// parse tables, which a parse of a few hundred lines never repays; the
// baseline compiler alone loads it in a tenth of a second.
setFlagsFromString("--liftoff-only");
const [lang, ...files] = process.argv.slice(2);
await Parser.init();
const grammar = await Language.load(require.resolve(`tree-sitter-wasms/out/tree-sitter-${lang}.wasm`));
const parser = new Parser();
parser.setLanguage(grammar);
let errors = 0;
for (const file of files) {
  const walk = (n) => {
    if (n.type === "ERROR" || n.isMissing) {
      errors++;
      const what = n.isMissing ? `missing ${n.type}` : `syntax error at ${JSON.stringify(n.text.slice(0, 40))}`;
      console.log(`${file}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${what}`);
    }
    for (const c of n.children) walk(c);
  };
  walk(parser.parse(readFileSync(file, "utf8")).rootNode);
}
process.exit(errors ? 1 : 0);
