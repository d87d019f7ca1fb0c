// The same operations as bench/native/core_bench.cpp, through the web,node
// wasm build in Node (V8, as in Chromium): what compiling to wasm costs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { interactions } from './lib/queries.mjs';
import { median } from './lib/stats.mjs';

const require = createRequire(import.meta.url);

/** One of the two modules (vouch-core: the first render; vouch-form: validation, JSON snapshots). */
export async function loadNodeCore(wasmNodeDir, name = 'vouch-core') {
  return require(join(wasmNodeDir, `${name}.js`))({ wasmBinary: readFileSync(join(wasmNodeDir, `${name}.wasm`)) });
}

const view = (q) => ({ stars: q.stars, verified: false, media: false, topic: '', search: q.search, sort: q.sort, page: q.page, pageSize: 20, showMore: false });

/** { op: median ms }, the same op names as timeNative(). */
export async function timeWasmNode(wasmNodeDir, binPath, jsonPath, runs) {
  const core = await loadNodeCore(wasmNodeDir);
  const form = await loadNodeCore(wasmNodeDir, 'vouch-form');
  const store = new core.Store();
  // The widget's path: JSON is converted by the form module, then loaded as binary.
  const toBinary = (bytes) => {
    const converter = new form.SnapshotConverter();
    const pointer = form._malloc(bytes.length);
    try {
      form.HEAPU8.set(bytes, pointer);
      const status = converter.convert(pointer, bytes.length);
      if (!status.ok) throw new Error(status.message);
      return converter.binaryView().slice();
    } finally {
      form._free(pointer);
      converter.delete();
    }
  };
  const load = (bytes, json) => {
    const binary = json ? toBinary(bytes) : bytes;
    const pointer = store.reserveBinary(binary.length);
    core.HEAPU8.set(binary, pointer);
    const status = store.loadReserved();
    if (!status.ok) throw new Error(status.message);
  };
  const time = (f) => {
    const times = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      f();
      times.push(performance.now() - start);
    }
    return median(times);
  };
  const binary = readFileSync(binPath);
  const json = readFileSync(jsonPath);
  const result = {};
  result.load_binary = time(() => load(binary, false));
  result.load_json = time(() => load(json, true));
  load(binary, false);
  result['load_binary+first_search'] = time(() => {
    load(binary, false);
    core.renderView(store, view({ sort: 'newest', stars: 0, search: 'dress', page: 0 }), 'en', 'b');
  });
  for (const q of interactions) {
    const check = core.renderView(store, view(q), 'en', 'b');
    if (!check.ok) throw new Error(`${q.name}: ${check.message}`);
    result[q.name] = time(() => core.renderView(store, view(q), 'en', 'b'));
  }
  store.delete();
  return result;
}
