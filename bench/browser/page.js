// Runs inside headless Chromium (driven by bench/browser.mjs). Two ways to get
// from snapshot bytes to a rendered first page, timed the same way (event or
// bytes in hand -> DOM updated and laid out, forced with offsetHeight):
//   wasm:     Store.reserveBinary + HEAPU8.set + beginLoadReserved/loadStep/loadResult in one call (JSON: the form
//             module's SnapshotConverter first) + renderView + innerHTML
//   baseline: plain JS, what a hand-written widget does: TextDecoder + JSON.parse
//             + filter + sort + take 20 + summary + DOM APIs (createElement/textContent)
// The heap copies are the widget's own (web/src/wasm-snapshot.mjs, served at /web-src/).
import { convertJsonSnapshot, loadBinaryInto } from '/web-src/wasm-snapshot.mjs';

(function () {
  const out = document.getElementById('out');
  let core = null;
  let form = null; // the form module: JSON snapshots are converted there
  let store = null;
  let reviews = null; // the baseline's parsed reviews

  function layout() {
    return out.offsetHeight; // forces style + layout, as the next frame would
  }

  window.benchInit = async function () {
    core = await createVouchCore({ locateFile: (name) => `/wasm/${name}` });
    form = await createVouchForm({ locateFile: (name) => `/wasm/${name}` });
    store = new core.Store();
    return core.version();
  };

  const bytesOf = {}; // { binary, json }: fetched once, before any timing

  window.benchFetch = async function (key, url) {
    const response = await fetch(url);
    bytesOf[key] = new Uint8Array(await response.arrayBuffer());
    return bytesOf[key].length;
  };

  const viewOf = (q) => ({
    stars: q.stars, verified: false, media: false, topic: '', search: q.search, sort: q.sort,
    page: q.page, pageSize: 20, showMore: false,
  });

  function wasmRender(q) {
    const rendered = core.renderView(store, viewOf(q), 'en', 'b');
    if (!rendered.ok) throw new Error(`${rendered.code}: ${rendered.message}`);
    out.innerHTML = rendered.html;
    layout();
    return rendered.total;
  }

  // The widget's path (web/src/widget.js loadStore, web/src/form-module.js jsonToBinary).
  function toBinary(bytes) {
    const { status, binary } = convertJsonSnapshot(form, bytes);
    if (!status.ok) throw new Error(status.message);
    return binary;
  }

  function wasmLoad(json) {
    const bytes = json ? toBinary(bytesOf.json) : bytesOf.binary;
    const status = loadBinaryInto(core, store, bytes);
    if (!status.ok) throw new Error(status.message);
  }

  // ---- the plain-JS baseline ----
  const stars = (r) => '★★★★★☆☆☆☆☆'.slice(5 - r, 10 - r);
  function wilson(up, down) {
    const n = up + down;
    if (n === 0) return 0;
    const z = 1.96, p = up / n, z2 = z * z;
    return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
  }
  const sorters = {
    newest: (a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0),
    lowest: (a, b) => a.rating - b.rating || sorters.newest(a, b),
    most_helpful: (a, b) => wilson(b.helpful_up, b.helpful_down) - wilson(a.helpful_up, a.helpful_down) || sorters.newest(a, b),
  };
  sorters.relevance = sorters.newest; // the baseline has no scoring: matches by date

  function baselineRender(q) {
    const words = q.search.toLowerCase().split(/\s+/).filter(Boolean);
    const histogram = [0, 0, 0, 0, 0];
    let sum = 0;
    const matches = reviews.filter((r) => {
      if (!(r.rating >= 1 && r.rating <= 5)) return false;
      histogram[r.rating - 1]++;
      sum += r.rating;
      if (q.stars && !(q.stars & (1 << (r.rating - 1)))) return false;
      if (words.length) {
        const text = `${r.title} ${r.body}`.toLowerCase();
        return words.every((w) => text.includes(w));
      }
      return true;
    });
    matches.sort(sorters[q.sort]);
    const page = matches.slice(q.page * 20, q.page * 20 + 20);
    const frame = document.createElement('div');
    const summary = document.createElement('p');
    summary.textContent = `${(sum / Math.max(1, reviews.length)).toFixed(1)} out of 5, ${reviews.length} reviews; ${histogram.join(' / ')}`;
    frame.append(summary);
    const list = document.createElement('ol');
    for (const r of page) {
      const item = document.createElement('li');
      const head = document.createElement('h3');
      head.textContent = r.title;
      const rating = document.createElement('span');
      rating.textContent = stars(r.rating);
      rating.setAttribute('aria-label', `${r.rating} out of 5`);
      const body = document.createElement('p');
      body.textContent = r.body;
      const meta = document.createElement('footer');
      meta.textContent = `${r.author} · ${r.created.slice(0, 10)}${r.verification === 'verified_purchase' ? ' · Verified purchase' : ''}`;
      item.append(rating, head, body, meta);
      list.append(item);
    }
    frame.append(list);
    out.replaceChildren(frame);
    layout();
    return matches.length;
  }

  function baselineLoad() {
    reviews = JSON.parse(new TextDecoder().decode(bytesOf.json)).reviews;
  }

  const first = { sort: 'newest', stars: 0, search: '', page: 0 };

  /** ms from bytes in hand to the first page laid out. kind: binary | json | baseline */
  window.benchLoad = function (kind) {
    const start = performance.now();
    if (kind === 'baseline') {
      baselineLoad();
      baselineRender(first);
    } else {
      wasmLoad(kind === 'json');
      wasmRender(first);
    }
    return performance.now() - start;
  };

  /** ms from bytes in hand to the first search's results (lazy index included). */
  window.benchLoadAndSearch = function (kind, q) {
    const start = performance.now();
    if (kind === 'baseline') {
      baselineLoad();
      baselineRender(q);
    } else {
      wasmLoad(false);
      wasmRender(q);
    }
    return performance.now() - start;
  };

  /** ms for one interaction (the view after the shopper's action), loaded data. */
  window.benchInteract = function (kind, q) {
    const start = performance.now();
    const total = kind === 'baseline' ? baselineRender(q) : wasmRender(q);
    return { ms: performance.now() - start, total };
  };

  window.benchMemory = function () {
    return core.HEAPU8.length;
  };
})();
