// Bundles the GraphiQL page (Development only, served at /graphiql) into dist/graphiql/, apart from the pages:
// React and GraphiQL (about 1.5 MB minified) never reach the pages' bundle. Run after build.mjs, which empties dist/.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(root, 'dist', 'graphiql');
await mkdir(out, { recursive: true });

const result = await build({
  entryPoints: { graphiql: path.join(root, 'src/graphiql/main.ts') },
  bundle: true,
  format: 'esm',
  splitting: false, // one script: GraphiQL's lazily loaded editor add-ons are small
  target: 'es2022',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  outdir: out,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'linked', // the licences of everything bundled, beside the script
  logLevel: 'warning',
});

if (result.warnings.length > 0) {
  console.error(`the GraphiQL bundle has ${result.warnings.length} warning(s); fix them`);
  process.exit(1);
}

const outputs = Object.entries(result.metafile.outputs);
const named = (extension) => {
  const found = outputs.find(([file]) => file.endsWith(extension));
  if (!found) throw new Error(`the GraphiQL bundle has no ${extension} output`);
  return path.basename(found[0]);
};

const page = (await readFile(path.join(root, 'graphiql.html'), 'utf8'))
  .replace('%GRAPHIQL_JS%', named('.js'))
  .replace('%GRAPHIQL_CSS%', named('.css'));
await writeFile(path.join(out, 'index.html'), page);
const size = (extension) => Math.round(outputs.find(([file]) => file.endsWith(extension))[1].bytes / 1024);
console.log(`GraphiQL bundled into ${path.relative(process.cwd(), out)}: ${named('.js')} (${size('.js')} KiB), ${named('.css')} (${size('.css')} KiB)`);
