// The docx library (not in the bundle: most runs never write a Word file), loaded once through
// its code cache, and its compiler's parts (src/render/document-docx.ts writes the document).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireWithCodeCache } from './code-cache.js';

export type Docx = typeof import('docx');

let docx: Docx | undefined;

/**
 * docx, from node_modules (it is not in the bundle: most runs never write a Word file), compiled
 * through the code cache the build writes beside the bundle (dist/docx.v8cache).
 */
export function loadDocx(): Docx {
  if (docx) return docx;
  // require, not import(): the bundle runs in a vm.Script (bin/fs.js), which has no dynamic import.
  const load = createRequire(import.meta.url);
  const cache = join(dirname(fileURLToPath(import.meta.url)), 'docx.v8cache');
  try {
    docx = requireWithCodeCache(load.resolve('docx'), cache, 'docx') as Docx;
  } catch {
    docx = load('docx') as Docx; // whatever went wrong, the plain way
  }
  return docx;
}

/** Loads docx now (it is compiled in the idle time while the report worker counts), not when the file is written. */
export function preloadDocx(): void {
  loadDocx();
}

/** The members of the archive docx's compiler makes (a JSZip), in its order. */
interface CompiledZip {
  forEach(cb: (path: string, entry: { name: string; dir: boolean; date: Date; async(type: 'nodebuffer'): Promise<Buffer> }) => void): void;
}

/**
 * docx's compiler (Packer's own): it turns a Document into its parts (styles, numbering, settings,
 * footer, relationships, properties) as a JSZip, which Packer then deflates in JavaScript.
 * Not part of docx's documented API (docx is pinned): undefined if this docx has none.
 */
export function docxCompiler(d: Docx): ((file: InstanceType<Docx['Document']>) => CompiledZip) | undefined {
  const compiler = (d.Packer as unknown as { compiler?: { compile?: (file: unknown, prettify?: unknown, overrides?: unknown[]) => CompiledZip } }).compiler;
  const compile = compiler?.compile;
  return typeof compile === 'function' ? (file) => compile.call(compiler, file, undefined, []) : undefined;
}
