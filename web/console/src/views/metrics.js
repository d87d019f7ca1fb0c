// The metrics bar above the inbox: response rate, time to first reply (median
// and p90), negative reviews answered within target, overdue now, follow-up
// satisfaction, over 7/30/90 days; per-staff and per-product tables on demand.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { formatDuration, formatPercent, t } from '../i18n.js';

const state = { days: 30, details: false };

function figure(key, value) {
  return h('div', { class: 'figure', 'data-metric': key }, h('dt', null, t(`metrics.${key}`)), h('dd', null, value));
}

function table(caption, columns, rows) {
  return h(
    'table',
    { class: 'data' },
    h('caption', null, caption),
    h('thead', null, h('tr', null, columns.map(([, title]) => h('th', { scope: 'col' }, title)))),
    h('tbody', null, rows.map((row) => h('tr', null, columns.map(([key, , format]) => h('td', null, format ? format(row[key]) : String(row[key] ?? '')))))),
  );
}

export function metricsBar() {
  const section = h('section', { class: 'metrics', 'aria-labelledby': 'metrics-title' });
  const load = async () => {
    const data = await api('GET', `metrics?days=${state.days}`);
    const negative = data.negative || {};
    const followUps = data.follow_ups || {};
    const rated = (followUps.satisfied || 0) + (followUps.not_satisfied || 0);
    const switcher = h(
      'div',
      { class: 'segmented', role: 'group', 'aria-label': t('metrics.window') },
      [7, 30, 90].map((days) =>
        h('button', {
          type: 'button',
          'aria-pressed': String(days === state.days),
          'data-days': days,
          onclick: () => { state.days = days; load(); },
        }, t('metrics.days', { n: days }))),
    );
    const toggle = h('button', {
      type: 'button',
      'aria-expanded': String(state.details),
      'aria-controls': 'metrics-details',
      onclick: () => { state.details = !state.details; load(); },
    }, t(state.details ? 'metrics.hide_details' : 'metrics.show_details'));
    fill(
      section,
      h('div', { class: 'metrics-head' }, h('h2', { id: 'metrics-title' }, t('metrics.title', { n: data.days })), switcher, toggle),
      h(
        'dl',
        { class: 'figures' },
        figure('response_rate', formatPercent(data.response_rate)),
        figure('median_first_reply', formatDuration(data.median_first_reply_seconds)),
        figure('p90_first_reply', formatDuration(data.p90_first_reply_seconds)),
        figure('negative_in_target', negative.total ? `${formatPercent(negative.share_within_target)} (${negative.answered_within_target ?? 0}/${negative.total})` : t('metrics.none')),
        figure('overdue_now', String(data.overdue_now ?? 0)),
        // The server's rate leaves "no answer" out: satisfied / (satisfied + not satisfied).
        figure('satisfaction', rated ? `${formatPercent(followUps.satisfaction_rate)} (${followUps.satisfied ?? 0}/${rated})` : t('metrics.none')),
      ),
      state.details
        ? h(
          'div',
          { id: 'metrics-details', class: 'metrics-details' },
          table(t('metrics.per_staff'), [
            ['name', t('metrics.col.name')],
            ['replies', t('metrics.col.replies')],
            ['median_first_reply_seconds', t('metrics.median_first_reply'), formatDuration],
            ['follow_ups', t('metrics.col.follow_ups')],
            ['satisfied', t('metrics.col.satisfied')],
          ], data.per_staff || []),
          table(t('metrics.per_product'), [
            ['product_id', t('metrics.col.product')],
            ['reviews', t('metrics.col.reviews')],
            ['response_rate', t('metrics.response_rate'), formatPercent],
            ['median_first_reply_seconds', t('metrics.median_first_reply'), formatDuration],
            ['overdue', t('metrics.col.overdue')],
          ], data.per_product || []),
        )
        : h('div', { id: 'metrics-details', hidden: true }),
    );
  };
  section.ready = load().catch((error) => {
    if (error.status === 401) return;
    fill(section, h('p', { class: 'error', role: 'alert' }, t('error.load', { message: error.message })));
  });
  return section;
}
