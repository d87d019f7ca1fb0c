// The same operations as bench/native/core_bench.cpp, through the web,node
// wasm build in Node (V8, as in Chromium): what compiling to wasm costs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { convertJsonSnapshot, loadBinaryInto } from '../web/src/wasm-snapshot.mjs';
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
  const load = (bytes, json) => {
    let binary = bytes;
    if (json) {
      const converted = convertJsonSnapshot(form, bytes);
      if (!converted.status.ok) throw new Error(converted.status.message);
      binary = converted.binary;
    }
    const status = loadBinaryInto(core, store, binary);
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
