// node parse.mjs LANG FILE: parses FILE with the tree-sitter grammar of
// LANG (swift or dart) and prints each syntax error as file:line:column;
// exit status 1 when there is one.
import { Parser, Language } from "web-tree-sitter";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [lang, file] = process.argv.slice(2);
await Parser.init();
const grammar = await Language.load(require.resolve(`tree-sitter-wasms/out/tree-sitter-${lang}.wasm`));
const parser = new Parser();
parser.setLanguage(grammar);
const tree = parser.parse(readFileSync(file, "utf8"));
let errors = 0;
const walk = (n) => {
  if (n.type === "ERROR" || n.isMissing) {
    errors++;
    const what = n.isMissing ? `missing ${n.type}` : `syntax error at ${JSON.stringify(n.text.slice(0, 40))}`;
    console.log(`${file}:${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${what}`);
  }
  for (const c of n.children) walk(c);
};
walk(tree.rootNode);
process.exit(errors ? 1 : 0);
