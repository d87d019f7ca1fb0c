// The honest plain-JS baseline of bench/widget-vs-plain.mjs (issue #19): what a
// competent developer writes by hand for the same job as the widget, with no
// framework and nothing clever. fetch the product's JSON snapshot (the same
// reviews the widget's binary snapshot holds), JSON.parse, keep the array with
// a few precomputed keys (time, Wilson score), filter (stars / photos /
// verified) + sort per action, search with a lower-cased NFKC-folded
// `includes` over folded texts built once at the first search (no scoring),
// and render the 20 cards of the page with the widget's card content (see
// card() below) with createElement + textContent, a status line and a pager. The summary (average, histogram) is
// computed once at load: its counts do not depend on the filters here.
// After each render it dispatches `plain:query` on #reviews (the widget's
// vouch:query), so the bench times both pages alike.
(function () {
  const host = document.getElementById('reviews');
  const params = new URLSearchParams(location.search);
  const PAGE = 20;
  const SORTS = { newest: 'Newest', highest: 'Highest rated', lowest: 'Lowest rated', most_helpful: 'Most helpful' };
  const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric' });
  let reviews = [];
  let folded = null; // folded "title body" per review, made at the first search
  const view = { stars: 0, media: false, verified: false, search: '', sort: 'newest', page: 0 };
  let list;
  let status;
  let pager;
  let searchInput;

  const fold = (text) => text.normalize('NFKC').toLowerCase();

  function wilson(up, down) {
    const n = up + down;
    if (n === 0) return 0;
    const z = 1.96;
    const p = up / n;
    const z2 = z * z;
    return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
  }

  const byNewest = (a, b) => b.time - a.time;
  const COMPARE = {
    newest: byNewest,
    highest: (a, b) => b.rating - a.rating || byNewest(a, b),
    lowest: (a, b) => a.rating - b.rating || byNewest(a, b),
    most_helpful: (a, b) => b.wilson - a.wilson || byNewest(a, b),
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The same content as the widget's card (src/core/render_card.cpp): stars,
  // title, author and date, badges, the text cut at 280 characters with a
  // "Read more" toggle, aspect ratings, "recommends", photos, the merchant's
  // reply, "Was this helpful?" with Yes/No counts, and Report.
  const ASPECTS = { fit: 'Fit', quality: 'Quality', value: 'Value', comfort: 'Comfort', size: 'Size' };
  const BADGES = { verified_purchase: 'Verified purchase', imported: 'Imported', staff: 'Staff' };
  const CUT = 280;
  let cardId = 0;

  function starsOf(rating) {
    const stars = el('span', 'p-stars', '★★★★★☆☆☆☆☆'.slice(5 - rating, 10 - rating));
    stars.setAttribute('role', 'img');
    stars.setAttribute('aria-label', `${rating} out of 5 stars`);
    return stars;
  }

  function dateOf(ms) {
    const time = el('time', 'p-date', dateFormat.format(ms));
    time.dateTime = new Date(ms).toISOString().slice(0, 10);
    return time;
  }

  function bodyOf(text) {
    const body = el('div', 'p-body');
    const chars = Array.from(text);
    if (chars.length <= CUT) {
      body.append(el('p', '', text));
      return body;
    }
    const full = el('p', '', text);
    full.hidden = true;
    const more = el('button', 'p-link', 'Read more');
    more.type = 'button';
    more.dataset.expand = '';
    more.setAttribute('aria-expanded', 'false');
    body.append(el('p', '', `${chars.slice(0, CUT).join('').trimEnd()}…`), full, more);
    return body;
  }

  function card(r) {
    const item = el('li', 'p-card');
    if (r.language) item.lang = r.language;
    const head = el('div', 'p-head');
    head.append(starsOf(r.rating));
    if (r.title) head.append(el('h3', 'p-title', r.title));
    const meta = el('p', 'p-meta');
    meta.append(el('span', 'p-author', r.author || 'Anonymous'), ' ', dateOf(r.time));
    const badges = el('ul', 'p-badges');
    badges.append(el('li', 'p-badge', BADGES[r.verification] || 'Unverified'));
    if (r.incentivized) badges.append(el('li', 'p-badge', 'Received a free product'));
    if (r.featured) badges.append(el('li', 'p-badge', 'Featured'));
    item.append(head, meta, badges, bodyOf(r.body));
    if (r.aspects.length) {
      const aspects = el('dl', 'p-aspects');
      for (const a of r.aspects) {
        const row = el('div');
        const value = el('dd');
        value.append(starsOf(a.value));
        row.append(el('dt', '', ASPECTS[a.name] || a.name), value);
        aspects.append(row);
      }
      item.append(aspects);
    }
    if (r.recommends === true || r.recommends === false) {
      item.append(el('p', 'p-recommends', r.recommends ? 'Recommends this product' : 'Does not recommend this product'));
    }
    if (r.media.length) {
      const photos = el('ul', 'p-photos');
      for (const m of r.media) {
        const li = el('li');
        const button = el('button');
        button.type = 'button';
        const img = el('img');
        img.src = m.url;
        img.alt = 'Photo from the review';
        img.loading = 'lazy';
        button.append(img);
        li.append(button);
        photos.append(li);
      }
      item.append(photos);
    }
    if (r.reply && r.reply.text) {
      const reply = el('div', 'p-reply');
      const heading = el('p', 'p-meta', 'Reply from the store');
      if (r.reply.created) heading.append(' ', dateOf(Date.parse(r.reply.created)));
      reply.append(heading, el('p', '', r.reply.text));
      item.append(reply);
    }
    const actions = el('div', 'p-actions');
    const question = el('span', '', 'Was this helpful?');
    question.id = `p-q-${cardId++}`;
    actions.append(question);
    for (const [label, count, value] of [['Yes', r.helpful_up, 'up'], ['No', r.helpful_down, 'down']]) {
      const vote = el('button', 'p-small', `${label} (${count})`);
      vote.type = 'button';
      vote.dataset.vote = value;
      vote.dataset.id = r.id;
      vote.setAttribute('aria-describedby', question.id);
      actions.append(' ', vote);
    }
    const report = el('button', 'p-link', 'Report');
    report.type = 'button';
    report.dataset.report = r.id;
    actions.append(' ', report);
    item.append(actions);
    return item;
  }

  function matches() {
    let words = [];
    if (view.search) {
      if (!folded) folded = reviews.map((r) => fold(`${r.title} ${r.body}`));
      words = fold(view.search).split(/\s+/).filter(Boolean);
    }
    const out = [];
    for (let i = 0; i < reviews.length; i++) {
      const r = reviews[i];
      if (view.stars && !(view.stars & (1 << (r.rating - 1)))) continue;
      if (view.media && r.media.length === 0) continue;
      if (view.verified && r.verification !== 'verified_purchase') continue;
      if (words.length && !words.every((w) => folded[i].includes(w))) continue;
      out.push(r);
    }
    return out.sort(COMPARE[view.sort]);
  }

  function render() {
    const found = matches();
    const pages = Math.max(1, Math.ceil(found.length / PAGE));
    if (view.page >= pages) view.page = pages - 1;
    const shown = found.slice(view.page * PAGE, view.page * PAGE + PAGE);
    status.textContent = `${found.length.toLocaleString('en')} reviews`;
    list.replaceChildren(...shown.map(card));
    const buttons = [];
    for (let p = Math.max(0, view.page - 2); p < Math.min(pages, view.page + 3); p++) {
      const button = el('button', '', String(p + 1));
      button.type = 'button';
      button.dataset.page = String(p);
      if (p === view.page) button.setAttribute('aria-current', 'page');
      buttons.push(button);
    }
    pager.replaceChildren(...buttons);
    host.dispatchEvent(new CustomEvent('plain:query', { detail: { total: found.length, shown: shown.length } }));
  }

  function controls(histogram, average) {
    const summary = el('div', 'p-summary');
    summary.append(el('strong', '', `${average.toFixed(1)} out of 5`), el('span', '', `${reviews.length.toLocaleString('en')} reviews`));
    const hist = el('div', 'p-hist');
    for (let s = 5; s >= 1; s--) {
      const button = el('button', '', `${s} ★ (${histogram[s - 1]})`);
      button.type = 'button';
      button.dataset.stars = String(s);
      button.setAttribute('aria-pressed', 'false');
      hist.append(button);
    }
    const chips = el('div', 'p-chips');
    for (const [key, label] of [['verified', 'Verified purchases'], ['media', 'With photos']]) {
      const button = el('button', '', label);
      button.type = 'button';
      button.dataset.toggle = key;
      button.setAttribute('aria-pressed', 'false');
      chips.append(button);
    }
    const row = el('div', 'p-row');
    const form = el('form');
    form.setAttribute('role', 'search');
    searchInput = el('input');
    searchInput.type = 'search';
    searchInput.name = 'q';
    searchInput.setAttribute('aria-label', 'Search reviews');
    form.append(searchInput, el('button', '', 'Search'));
    const sort = el('select');
    sort.setAttribute('aria-label', 'Sort');
    for (const [value, label] of Object.entries(SORTS)) {
      const option = el('option', '', label);
      option.value = value;
      sort.append(option);
    }
    row.append(form, sort);
    status = el('p', 'p-status');
    status.setAttribute('aria-live', 'polite');
    list = el('ol', 'p-list');
    pager = el('nav', 'p-pager');
    host.replaceChildren(summary, hist, chips, row, status, list, pager);

    hist.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      view.stars ^= 1 << (Number(button.dataset.stars) - 1);
      button.setAttribute('aria-pressed', String(Boolean(view.stars & (1 << (Number(button.dataset.stars) - 1)))));
      view.page = 0;
      render();
    });
    chips.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      view[button.dataset.toggle] = !view[button.dataset.toggle];
      button.setAttribute('aria-pressed', String(view[button.dataset.toggle]));
      view.page = 0;
      render();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      view.search = searchInput.value.trim();
      view.page = 0;
      render();
    });
    sort.addEventListener('change', () => {
      view.sort = sort.value;
      view.page = 0;
      render();
    });
    list.addEventListener('click', (event) => {
      const more = event.target.closest('button[data-expand]');
      if (!more) return;
      const open = more.getAttribute('aria-expanded') !== 'true';
      more.setAttribute('aria-expanded', String(open));
      more.textContent = open ? 'Show less' : 'Read more';
      more.previousElementSibling.hidden = !open;
      more.previousElementSibling.previousElementSibling.hidden = open;
    });
    pager.addEventListener('click', (event) => {
      const button = event.target.closest('button');
      if (!button) return;
      view.page = Number(button.dataset.page);
      render();
    });
  }

  async function load() {
    const response = await fetch(`/data/reviews-${params.get('n')}.json`);
    const snapshot = JSON.parse(await response.text());
    const histogram = [0, 0, 0, 0, 0];
    let sum = 0;
    reviews = snapshot.reviews.filter((r) => r.rating >= 1 && r.rating <= 5);
    for (const r of reviews) {
      r.time = Date.parse(r.created);
      r.wilson = wilson(r.helpful_up, r.helpful_down);
      histogram[r.rating - 1]++;
      sum += r.rating;
    }
    controls(histogram, sum / Math.max(1, reviews.length));
    render();
  }

  load().catch((error) => {
    host.textContent = `could not load the reviews (${error.message})`;
  });
})();
