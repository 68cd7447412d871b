/**
 * `npm run sim`: runs the CLI pre-bundled, so a run starts in tens of milliseconds rather than
 * the ~0.9 s tsx needs to compile the sources on every start.
 *
 * The bundle is built by `npm ci` / `npm install` (the `prepare` script: `launch.cjs --build`)
 * and again here whenever a source file under src/ is newer than it, so a checkout that changed
 * the engine never runs a stale CLI. Plain CommonJS on purpose: it must start without a compiler
 * and without Node's ES module loader.
 *
 * The bundle is CommonJS too: its functions live inside one function scope, which V8 runs about
 * a quarter faster than the same functions at an ES module's top level (bench/engine.bench.ts).
 * It runs through a V8 code cache kept beside it (Node 20 has no module compile cache), which
 * saves most of the time spent compiling ~1 MB of JavaScript at each start. The experiment's
 * worker threads load their own bundle (ESM) from the same folder.
 */
const { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const ROOT = join(__dirname, '../..');
// LF_CLI_CACHE moves the bundle elsewhere (the launcher's own test builds into a folder of its own).
const OUT = process.env.LF_CLI_CACHE || join(ROOT, 'node_modules/.cache/lf-cli');
const MAIN = join(OUT, 'sim.cjs');
const WORKER = join(OUT, 'experiment-worker.js');
const CACHE = join(OUT, 'sim.v8cache');

/** Newest modification time of the sources a bundle is made from (~10 ms for all of src/). */
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|cjs|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function builtAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

/** Write whole or not at all: several runs may build at once (the test suite starts many). */
function writeAtomic(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

async function build() {
  const esbuild = require('esbuild');
  mkdirSync(OUT, { recursive: true });
  const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', absWorkingDir: ROOT, minify: true, write: false };
  const results = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [join(ROOT, 'src/cli/sim.ts')],
      outfile: MAIN,
      format: 'cjs',
      // import.meta.url (the experiment finds its worker's bundle by it), in a CommonJS file.
      define: { 'import.meta.url': '__lfModuleUrl' },
      banner: { js: "const __lfModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    esbuild.build({ ...common, entryPoints: [join(ROOT, 'src/cli/experiment-worker.ts')], outfile: WORKER, format: 'esm' }),
  ]);
  // The worker first: the main bundle's time is what says the pair is current.
  for (const r of results.reverse()) for (const f of r.outputFiles) writeAtomic(f.path, f.contents);
  writeAtomic(CACHE, '');
}

/** Run the bundle as Node would require it, compiled with (and then refreshing) the code cache. */
function run() {
  const source = readFileSync(MAIN, 'utf8');
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), {
    filename: MAIN,
    cachedData: cachedData !== undefined && cachedData.length > 0 ? cachedData : undefined,
  });
  const module = new Module(MAIN, null);
  module.filename = MAIN;
  module.paths = Module._nodeModulePaths(OUT);
  const fn = script.runInThisContext();
  fn.call(module.exports, module.exports, Module.createRequire(MAIN), module, MAIN, OUT);
  if (cachedData === undefined || cachedData.length === 0 || script.cachedDataRejected) {
    // Made after the run starts, so it holds the functions the start compiled too.
    setImmediate(() => {
      try {
        writeAtomic(CACHE, script.createCachedData());
      } catch {
        // A read-only checkout runs without the cache.
      }
    });
  }
}

function hasEsbuild() {
  try {
    require.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const buildOnly = process.argv[2] === '--build';
  if (buildOnly && !hasEsbuild()) {
    // An install without dev dependencies (a server): no CLI to build, and nothing to fail.
    process.stdout.write('esbuild is not installed (no dev dependencies): the CLI is built on first use of npm run sim.\n');
    return;
  }
  const stale = Math.min(builtAt(MAIN), builtAt(WORKER)) < newestSource(join(ROOT, 'src'));
  if (stale || buildOnly) await build();
  if (!buildOnly) run();
}

main().catch((e) => {
  process.stderr.write(`could not build the CLI: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
