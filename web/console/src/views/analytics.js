// The analytics page (issue 16): rating trend, tag shares, top phrases,
// product comparison, response performance, fairness and the review-request
// funnel, all computed by the
// server (GET /api/v1/admin/analytics); this page only draws them. The range,
// period and product live in the hash (#/analytics?from=&to=&period=&product=)
// so a view can be bookmarked and the back button works. Every chart has its
// data table and a CSV of it (views/data-table.js); Chart.js comes in its own
// file (views/charts.js), fetched only here.
import { api, query } from '../api.js';
import { fill, h } from '../dom.js';
import { formatDuration, formatPercent, label, t } from '../i18n.js';
import { go, href } from '../router.js';
import { chartBox, COLORS } from './charts.js';
import { dataTable } from './data-table.js';

const DAY = 86400000;
// Products seen in store-wide answers, so the product picker keeps them when one is chosen.
const knownProducts = new Set();

const isoDay = (date) => date.toISOString().slice(0, 10);
const validDay = (text) => /^\d{4}-\d{2}-\d{2}$/.test(text || '') && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** The page's parameters from the hash; the last 12 weeks by default. */
function paramsFrom(route) {
  const p = route.params;
  const to = validDay(p.to) ? p.to : isoDay(new Date());
  const from = validDay(p.from) ? p.from : isoDay(new Date(Date.parse(`${to}T00:00:00Z`) - 83 * DAY));
  return { from, to, period: p.period === 'month' ? 'month' : 'week', product: p.product || '' };
}

// A period row of the API: {"period": "2026-W37" | "2026-09", "start": "2026-09-07", …}.
const periodLabel = (entry) => String(entry.period ?? '');
const number = (value, digits = 2) => (value === null || value === undefined ? '' : Number(value).toFixed(digits));
const count = (value) => (value === null || value === undefined ? '' : String(value));
const percent = (value) => (value === null || value === undefined ? '' : formatPercent(value));
const duration = (value) => (value === null || value === undefined ? '' : formatDuration(value));
const hours = (seconds) => (seconds === null || seconds === undefined ? null : Math.round((seconds / 3600) * 10) / 10);
const pct = (share) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);

function panel(key, title, intro, ...content) {
  return h('section', { class: 'panel analytics-panel', 'aria-labelledby': `panel-${key}`, 'data-panel': key },
    h('h2', { id: `panel-${key}` }, title), intro ? h('p', { class: 'hint' }, intro) : null, content);
}

function filtersForm(params) {
  const products = [...new Set([...knownProducts, params.product].filter(Boolean))].sort();
  return h(
    'form',
    {
      class: 'inline-form analytics-filters',
      'aria-label': t('analytics.filters'),
      onsubmit: (event) => {
        event.preventDefault();
        const data = new FormData(event.target);
        go('analytics', { from: data.get('from'), to: data.get('to'), period: data.get('period'), product: data.get('product') });
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'analytics-from' }, t('analytics.from')),
      h('input', { id: 'analytics-from', name: 'from', type: 'date', value: params.from, required: true })),
    h('div', { class: 'field' }, h('label', { for: 'analytics-to' }, t('analytics.to')),
      h('input', { id: 'analytics-to', name: 'to', type: 'date', value: params.to, required: true })),
    h('div', { class: 'field' }, h('label', { for: 'analytics-period' }, t('analytics.period')),
      h('select', { id: 'analytics-period', name: 'period' },
        ['week', 'month'].map((p) => h('option', { value: p, selected: p === params.period }, t(`analytics.period.${p}`))))),
    h('div', { class: 'field' }, h('label', { for: 'analytics-product' }, t('analytics.product')),
      h('select', { id: 'analytics-product', name: 'product' },
        h('option', { value: '', selected: !params.product }, t('analytics.store')),
        products.map((id) => h('option', { value: id, selected: id === params.product }, id)))),
    h('button', { type: 'submit', class: 'primary' }, t('analytics.apply')),
  );
}

// ---- rating trend -------------------------------------------------------------
function trendPanel(trend, params) {
  const points = Array.isArray(trend.store) ? trend.store : [];
  const rows = points.map((p) => ({
    period: periodLabel(p), count: p.count, average: p.average,
    s1: p.stars?.[0] ?? 0, s2: p.stars?.[1] ?? 0, s3: p.stars?.[2] ?? 0, s4: p.stars?.[3] ?? 0, s5: p.stars?.[4] ?? 0,
  }));
  const starColumns = [1, 2, 3, 4, 5].map((n) => ({ key: `s${n}`, title: t('analytics.col.stars', { n }), numeric: true, format: count }));
  const chart = chartBox(t('analytics.trend.chart'), 'table-trend', () => ({
    type: 'bar',
    data: {
      labels: rows.map((r) => r.period),
      datasets: [
        { type: 'line', label: t('analytics.col.average'), data: rows.map((r) => r.average ?? null), yAxisID: 'average', borderColor: COLORS.series[0], backgroundColor: COLORS.series[0], spanGaps: true, order: 0 },
        ...[1, 2, 3, 4, 5].map((n) => ({ label: t('analytics.col.stars', { n }), data: rows.map((r) => r[`s${n}`]), backgroundColor: COLORS.stars[n - 1], stack: 'stars', yAxisID: 'count', order: 1 })),
      ],
    },
    options: {
      scales: {
        x: { stacked: true },
        count: { stacked: true, position: 'left', beginAtZero: true, title: { display: true, text: t('analytics.col.count') }, ticks: { precision: 0 } },
        average: { position: 'right', min: 1, max: 5, grid: { drawOnChartArea: false }, title: { display: true, text: t('analytics.col.average') } },
      },
    },
  }));
  const table = dataTable([
    { key: 'period', title: t('analytics.col.period') },
    { key: 'count', title: t('analytics.col.count'), numeric: true, format: count },
    { key: 'average', title: t('analytics.col.average'), numeric: true, format: (v) => number(v) },
    ...starColumns,
  ], rows, { id: 'table-trend', caption: t('analytics.trend.table', { what: params.product || t('analytics.store') }), file: 'rating-trend', inDetails: true });
  const panelEl = panel('trend', t('analytics.trend.title'), t('analytics.trend.intro'), chart, table);
  panelEl.ready = chart.ready;
  return panelEl;
}

// ---- tags ---------------------------------------------------------------------
function tagsPanel(tags) {
  const list = tags.tags || [];
  const shares = dataTable([
    { key: 'tag', title: t('analytics.col.tag'), format: (v) => label('tag', v) },
    { key: 'negative', title: t('analytics.col.negative_reviews'), numeric: true, format: count },
    { key: 'negative_share', title: t('analytics.col.negative_share'), numeric: true, format: percent },
    { key: 'positive', title: t('analytics.col.positive_reviews'), numeric: true, format: count },
    { key: 'positive_share', title: t('analytics.col.positive_share'), numeric: true, format: percent },
  ], list, { id: 'table-tags', caption: t('analytics.tags.table', { negative: tags.negative_reviews ?? 0, positive: tags.positive_reviews ?? 0 }), file: 'tag-shares', inDetails: true });
  const sharesChart = chartBox(t('analytics.tags.chart'), 'table-tags', () => ({
    type: 'bar',
    data: {
      labels: list.map((row) => label('tag', row.tag)),
      datasets: [
        { label: t('analytics.col.negative_share'), data: list.map((row) => pct(row.negative_share)), backgroundColor: COLORS.stars[0] },
        { label: t('analytics.col.positive_share'), data: list.map((row) => pct(row.positive_share)), backgroundColor: COLORS.stars[4] },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } } },
  }));
  // The trend: each tag's share of the period's negative reviews.
  const periods = tags.periods || [];
  const tagIds = list.map((row) => row.tag);
  const trendRows = periods.map((p) => {
    const row = { period: periodLabel(p), negative_reviews: p.negative_reviews ?? 0 };
    for (const tag of tagIds) row[`tag:${tag}`] = (p.tags || []).find((x) => x.tag === tag)?.negative_share ?? null;
    return row;
  });
  const trendChart = chartBox(t('analytics.tags.trend_chart'), 'table-tags-trend', () => ({
    type: 'line',
    data: {
      labels: trendRows.map((r) => r.period),
      datasets: tagIds.map((tag, i) => ({ label: label('tag', tag), data: trendRows.map((r) => pct(r[`tag:${tag}`])), borderColor: COLORS.series[i % COLORS.series.length], backgroundColor: COLORS.series[i % COLORS.series.length], spanGaps: true })),
    },
    options: { scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: t('analytics.col.negative_share') } } } },
  }));
  const trendTable = dataTable([
    { key: 'period', title: t('analytics.col.period') },
    { key: 'negative_reviews', title: t('analytics.col.negative_reviews'), numeric: true, format: count },
    ...tagIds.map((tag) => ({ key: `tag:${tag}`, title: label('tag', tag), numeric: true, format: percent })),
  ], trendRows, { id: 'table-tags-trend', caption: t('analytics.tags.trend_table'), file: 'tag-trend', inDetails: true });
  const el = panel('tags', t('analytics.tags.title'), t('analytics.tags.intro'),
    list.length ? [sharesChart, shares, h('h3', null, t('analytics.tags.trend_title')), trendChart, trendTable] : h('p', { class: 'empty' }, t('analytics.none')));
  el.ready = list.length ? Promise.all([sharesChart.ready, trendChart.ready]) : Promise.resolve();
  return el;
}

// ---- phrases ------------------------------------------------------------------
// A phrase opens the inbox filtered to the reviews it was found in: the same
// product, range and side (rating 1..negative_max or positive_min..5).
function phraseList(product, side, phrases, params, ratings) {
  if (!phrases.length) return h('p', { class: 'empty' }, t('analytics.none'));
  return h('ol', { class: 'phrases', 'data-side': side }, phrases.map((phrase) => h('li', null,
    h('a', {
      href: href('inbox', { q: phrase.text, product, rating: ratings, from: params.from, to: params.to }),
      'data-phrase': phrase.text,
      'data-product': product,
    }, phrase.text),
    ' ',
    h('span', { class: 'meta' }, t('analytics.phrases.count', { n: phrase.count ?? 0, other: phrase.other_count ?? 0 })))));
}

function phrasesPanel(phrases, params, sides) {
  const products = phrases || [];
  return panel('phrases', t('analytics.phrases.title'), t('analytics.phrases.intro'),
    products.length
      ? products.map((entry) => h('div', { class: 'phrase-product', 'data-product': entry.product_id },
        h('h3', null, entry.product_id),
        h('div', { class: 'phrase-sides' },
          h('div', null, h('h4', null, t('analytics.phrases.negative', { n: entry.negative_reviews ?? 0 })), phraseList(entry.product_id, 'negative', entry.negative || [], params, sides.negative)),
          h('div', null, h('h4', null, t('analytics.phrases.positive', { n: entry.positive_reviews ?? 0 })), phraseList(entry.product_id, 'positive', entry.positive || [], params, sides.positive)))))
      : h('p', { class: 'empty' }, t('analytics.none')));
}

// ---- products -----------------------------------------------------------------
function productsPanel(products) {
  return panel('products', t('analytics.products.title'), t('analytics.products.intro'), dataTable([
    { key: 'product_id', title: t('analytics.col.product') },
    { key: 'average', title: t('analytics.col.average'), numeric: true, format: (v) => number(v) },
    { key: 'count', title: t('analytics.col.count'), numeric: true, format: count },
    { key: 'negative_share', title: t('analytics.col.negative_share'), numeric: true, format: percent },
    { key: 'photo_share', title: t('analytics.col.photo_share'), numeric: true, format: percent },
    { key: 'response_rate', title: t('analytics.col.response_rate'), numeric: true, format: percent },
    { key: 'median_reply_seconds', title: t('analytics.col.median_reply'), numeric: true, format: duration },
  ], products || [], { id: 'table-products', caption: t('analytics.products.table'), file: 'products', sortable: true }));
}

// ---- responses ----------------------------------------------------------------
function responsesPanel(responses) {
  const rows = (responses.periods || []).map((p) => ({ ...p, period: periodLabel(p) }));
  const chart = chartBox(t('analytics.responses.chart'), 'table-responses', () => ({
    type: 'bar',
    data: {
      labels: rows.map((r) => r.period),
      datasets: [
        { type: 'line', label: t('analytics.col.reply_rate'), data: rows.map((r) => pct(r.reply_rate)), yAxisID: 'share', borderColor: COLORS.series[0], backgroundColor: COLORS.series[0], spanGaps: true },
        { type: 'line', label: t('analytics.col.within_target'), data: rows.map((r) => pct(r.within_target_share)), yAxisID: 'share', borderColor: COLORS.series[4], backgroundColor: COLORS.series[4], borderDash: [6, 3], spanGaps: true },
        { label: t('analytics.col.median_reply'), data: rows.map((r) => hours(r.median_reply_seconds)), yAxisID: 'hours', backgroundColor: COLORS.series[2] },
        { label: t('analytics.col.p90_reply'), data: rows.map((r) => hours(r.p90_reply_seconds)), yAxisID: 'hours', backgroundColor: COLORS.series[3] },
      ],
    },
    options: {
      scales: {
        share: { position: 'left', beginAtZero: true, max: 100, title: { display: true, text: '%' } },
        hours: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: t('analytics.hours') } },
      },
    },
  }));
  const table = dataTable([
    { key: 'period', title: t('analytics.col.period') },
    { key: 'reviews', title: t('analytics.col.count'), numeric: true, format: count },
    { key: 'replied', title: t('analytics.col.replied'), numeric: true, format: count },
    { key: 'reply_rate', title: t('analytics.col.reply_rate'), numeric: true, format: percent },
    { key: 'median_reply_seconds', title: t('analytics.col.median_reply'), numeric: true, format: duration },
    { key: 'p90_reply_seconds', title: t('analytics.col.p90_reply'), numeric: true, format: duration },
    { key: 'within_target_share', title: t('analytics.col.within_target'), numeric: true, format: percent },
  ], rows, { id: 'table-responses', caption: t('analytics.responses.table'), file: 'responses', inDetails: true });
  const staff = dataTable([
    { key: 'name', title: t('analytics.col.name') },
    { key: 'replies', title: t('analytics.col.replies'), numeric: true, format: count },
    { key: 'median_reply_seconds', title: t('analytics.col.median_reply'), numeric: true, format: duration },
    { key: 'within_target', title: t('analytics.col.within_target_count'), numeric: true, format: count },
  ], responses.staff || [], { id: 'table-staff', caption: t('analytics.responses.staff'), file: 'staff', sortable: true });
  const total = responses.total || {};
  const el = panel('responses', t('analytics.responses.title'), t('analytics.responses.intro'),
    h('dl', { class: 'figures' },
      [['reply_rate', percent(total.reply_rate)], ['median_reply', duration(total.median_reply_seconds)], ['p90_reply', duration(total.p90_reply_seconds)], ['within_target', percent(total.within_target_share)]]
        .map(([key, value]) => h('div', { class: 'figure', 'data-total': key }, h('dt', null, t(`analytics.col.${key}`)), h('dd', null, value || t('metrics.none'))))),
    chart, table, staff);
  el.ready = chart.ready;
  return el;
}

// ---- fairness -----------------------------------------------------------------
function fairnessPanel(fairness) {
  const rows = fairness || [];
  const chart = chartBox(t('analytics.fairness.chart'), 'table-fairness', () => ({
    type: 'bar',
    data: {
      labels: rows.map((r) => t('analytics.col.stars', { n: r.stars })),
      datasets: [
        { label: t('analytics.col.published_rate'), data: rows.map((r) => pct(r.published_rate)), backgroundColor: COLORS.stars[4] },
        { label: t('analytics.col.rejected_rate'), data: rows.map((r) => pct(r.rejected_rate)), backgroundColor: COLORS.stars[0] },
        { label: t('analytics.col.hidden_rate'), data: rows.map((r) => pct(r.hidden_rate)), backgroundColor: COLORS.series[3] },
      ],
    },
    options: { scales: { y: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } } },
  }));
  const table = dataTable([
    { key: 'stars', title: t('analytics.col.rating'), format: (v) => t('analytics.col.stars', { n: v }) },
    { key: 'total', title: t('analytics.col.count'), numeric: true, format: count },
    { key: 'published_rate', title: t('analytics.col.published_rate'), numeric: true, format: percent },
    { key: 'rejected_rate', title: t('analytics.col.rejected_rate'), numeric: true, format: percent },
    { key: 'hidden_rate', title: t('analytics.col.hidden_rate'), numeric: true, format: percent },
    { key: 'pending_rate', title: t('analytics.col.pending_rate'), numeric: true, format: percent },
    { key: 'median_moderation_seconds', title: t('analytics.col.median_moderation'), numeric: true, format: duration },
  ], rows, { id: 'table-fairness', caption: t('analytics.fairness.table'), file: 'fairness', inDetails: true });
  const el = panel('fairness', t('analytics.fairness.title'), null, h('p', { class: 'legal', 'data-why': '' }, t('analytics.fairness.why')), chart, table);
  el.ready = chart.ready;
  return el;
}

// ---- review requests ----------------------------------------------------------
// The request mail's funnel (issue 18), a table only; never by star rating.
// Also the Review requests page's funnel (views/requests.js): one panel, two pages.
export function requestsPanel(requests) {
  const rows = (requests.periods || []).map((p) => ({ ...p, period: periodLabel(p) }));
  const table = dataTable([
    { key: 'period', title: t('analytics.col.period') },
    { key: 'sent', title: t('analytics.col.sent'), numeric: true, format: count },
    { key: 'opened', title: t('analytics.col.opened'), numeric: true, format: count },
    { key: 'open_rate', title: t('analytics.col.open_rate'), numeric: true, format: percent },
    { key: 'reviews_from_requests', title: t('analytics.col.reviews_from_requests'), numeric: true, format: count },
    { key: 'reviews', title: t('analytics.col.count'), numeric: true, format: count },
    { key: 'verified_share', title: t('analytics.col.verified_share'), numeric: true, format: percent },
  ], rows, { id: 'table-requests', caption: t('analytics.requests.table'), file: 'requests' });
  const total = requests.total || {};
  return panel('requests', t('analytics.requests.title'), t('analytics.requests.intro'),
    h('dl', { class: 'figures' },
      [['sent', count(total.sent)], ['opened', count(total.opened)], ['open_rate', percent(total.open_rate)], ['reviews_from_requests', count(total.reviews_from_requests)], ['verified_share', percent(total.verified_share)]]
        .map(([key, value]) => h('div', { class: 'figure', 'data-total': key }, h('dt', null, t(`analytics.col.${key}`)), h('dd', null, value || t('metrics.none'))))),
    table);
}

export async function renderAnalytics(main, route) {
  const params = paramsFrom(route);
  const data = await api('GET', `analytics${query(params)}`);
  if (!params.product) for (const row of data.products || []) knownProducts.add(row.product_id);
  // The server's negative/positive thresholds (store config), else the defaults.
  const negativeMax = Number(data.range?.negative_max_rating ?? 2);
  const positiveMin = Number(data.range?.positive_min_rating ?? 4);
  const range = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i).join(',');
  const sides = { negative: range(1, negativeMax), positive: range(positiveMin, 5) };
  const panels = [
    trendPanel(data.trend || {}, params),
    tagsPanel(data.tags || {}),
    phrasesPanel(data.phrases, params, sides),
    productsPanel(data.products),
    responsesPanel(data.responses || {}),
    fairnessPanel(data.fairness),
    requestsPanel(data.requests || {}),
  ];
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  fill(main,
    h('h1', null, t('analytics.title')),
    h('p', { class: 'hint' }, t('analytics.intro', { from: params.from, to: params.to, period: t(`analytics.period.${params.period}`) })),
    filtersForm(params), status, h('div', { class: 'analytics' }, panels));
  try {
    await Promise.all(panels.map((p) => p.ready).filter(Boolean));
    main.dataset.charts = 'ready';
  } catch (error) {
    // The tables carry every figure; a chart that cannot load is not fatal.
    status.textContent = t('analytics.charts_failed', { message: error.message });
  }
}
