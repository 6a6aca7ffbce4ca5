// Bundles the UI into dist/: content-hashed app-*.js / app-*.css (cached for a year by the server) and an
// index.html naming them (never cached), so a new build reaches browsers at once.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// fileURLToPath, not URL.pathname: a checkout under a folder with a space (or a Windows drive) must build too.
const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const result = await build({
  entryPoints: { app: path.join(root, 'src/main.ts') },
  bundle: true,
  format: 'esm',
  splitting: true, // the Entra ID library loads only where Entra ID is configured
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  outdir: dist,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

// A warning (an unbalanced CSS block, an import that resolves to nothing) fails the build rather than ship half a page.
if (result.warnings.length > 0) {
  console.error(`the web UI bundle has ${result.warnings.length} warning(s); fix them`);
  process.exit(1);
}

const outputs = Object.entries(result.metafile.outputs);
const named = (extension) => {
  const found = outputs.find(([file, output]) => output.entryPoint && file.endsWith(extension))
    ?? outputs.find(([file]) => path.basename(file).startsWith('app-') && file.endsWith(extension));
  if (!found) throw new Error(`the bundle has no ${extension} output`);
  return path.basename(found[0]);
};

const page = (await readFile(path.join(root, 'index.html'), 'utf8'))
  .replace('%APP_JS%', named('.js'))
  .replace('%APP_CSS%', named('.css'));
await writeFile(path.join(dist, 'index.html'), page);
console.log(`web UI bundled into ${path.relative(process.cwd(), dist) || '.'}: ${named('.js')}, ${named('.css')}`);
