// Lints every .cypher file with Neo4j's own parser and semantic analyser (@neo4j-cypher/language-support),
// against the graph model in schema/neo4j/graph-schema.json: its labels, relationship types and property keys, which
// label each relationship type joins to which (so a reversed or misplaced relationship is flagged), and the signatures
// of the procedures the statements call (so a misspelt or missing procedure is an error). Each file declares its parameters in header lines
// ("// @param name"); using an undeclared one, or declaring one it does not use, fails too. Keys of map parameters
// (an UNWIND batch's rows) that are not graph properties are declared per file ("// @key name"), so a misspelled
// graph property is still caught everywhere else.
// Zero errors and zero warnings are allowed. Run: npm ci && node lint.mjs (from this folder).
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const model = JSON.parse(readFileSync(join(root, 'schema/neo4j/graph-schema.json'), 'utf8'));
const folders = ['schema/neo4j', 'src/IcsExpertiseGraph.Api/Storage/Neo4j/Cypher'];

const files = folders.flatMap((folder) => walk(join(root, folder))).filter((f) => f.endsWith('.cypher')).sort();
let problems = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const declared = [...text.matchAll(/^\/\/\s*@param\s+(\w+)/gm)].map((m) => m[1]);
  const used = new Set([...text.replace(/\/\/.*$/gm, '').matchAll(/\$(\w+)/g)].map((m) => m[1]));
  const keys = [...text.matchAll(/^\/\/\s*@key\s+(\w+)/gm)].map((m) => m[1]);
  const schema = { ...model, propertyKeys: [...model.propertyKeys, ...keys], parameters: Object.fromEntries(declared.map((p) => [p, null])) };
  const { diagnostics } = lintCypherQuery(text, schema, {});
  const findings = diagnostics.map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
  for (const p of declared.filter((p) => !used.has(p))) findings.push(`error: @param ${p} is declared but never used`);
  const body = text.replace(/\/\/.*$/gm, '');
  for (const k of keys.filter((k) => !new RegExp(`\\.${k}\\b`).test(body))) findings.push(`error: @key ${k} is declared but never used`);
  for (const k of keys.filter((k) => model.propertyKeys.includes(k))) findings.push(`error: @key ${k} is a graph property already`);
  if (!/\S/.test(text.replace(/\/\/.*$/gm, ''))) findings.push('error: the file holds no statement');
  for (const finding of findings) console.log(`${relative(root, file)}: ${finding}`);
  problems += findings.length;
}

console.log(`Linted ${files.length} .cypher files: ${problems === 0 ? 'no problems' : `${problems} problems`}.`);
process.exit(problems === 0 ? 0 : 1);

function walk(folder) {
  try {
    return readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  } catch {
    return [];
  }
}
