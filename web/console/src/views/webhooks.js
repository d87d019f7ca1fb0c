// Webhooks (owners): endpoints (from the console or the config file), each
// with its events and the personal-data opt-in; a new endpoint's secret is
// shown once; the delivery log lists every attempt with its status and time.
import { api, query } from '../api.js';
import { fill, h, uid } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { href } from '../router.js';
import { badge } from './common.js';
import { scrollTable } from './outbox.js';

function endpointBody(endpoint, changes) {
  return { url: endpoint.url, events: endpoint.events, personal_data: endpoint.personal_data, description: endpoint.description, active: endpoint.active, ...changes };
}

function attemptText(a) {
  const answer = a.status === null ? t('webhooks.no_answer') : `HTTP ${a.status}`;
  return t('webhooks.attempt', { time: formatTime(a.time), answer, ms: a.duration_ms }) + (a.error ? ` — ${a.error}` : '');
}

export async function renderWebhooks(main, route, context) {
  const endpointFilter = route.params.endpoint || '';
  const [data, log] = await Promise.all([
    api('GET', 'webhooks'),
    api('GET', `webhooks/deliveries${query({ endpoint: endpointFilter, before: route.params.before })}`),
  ]);
  const status = h('p', { class: 'status', role: 'status' });
  const secret = h('div', { id: 'new-secret' });
  const fail = (error) => { status.textContent = t('error.generic', { message: error.message }); };
  const endpoints = data.endpoints.map((e) => h('tr', { 'data-endpoint': e.id },
    h('td', null, h('code', null, e.url), e.description ? h('div', { class: 'hint' }, e.description) : null),
    h('td', null, e.events.join(', ')),
    h('td', null, e.personal_data ? t('webhooks.yes') : t('webhooks.no')),
    h('td', null, t(`webhooks.source.${e.source}`)),
    h('td', null, badge(e.active ? 'replied' : 'flag', e.active ? t('webhooks.active') : t('webhooks.inactive'))),
    h('td', null,
      h('a', { href: href('webhooks', { endpoint: e.id }) }, t('webhooks.show_log')),
      e.source === 'console' ? [
        ' ',
        h('button', {
          type: 'button',
          'aria-label': t(e.active ? 'webhooks.disable_label' : 'webhooks.enable_label', { url: e.url }),
          onclick: () => api('PUT', `webhooks/${e.id}`, endpointBody(e, { active: !e.active })).then(() => context.rerender(), fail),
        }, e.active ? t('webhooks.disable') : t('webhooks.enable')),
        h('button', {
          type: 'button',
          'aria-label': t('webhooks.remove_label', { url: e.url }),
          onclick: () => {
            if (window.confirm(t('webhooks.remove_confirm', { url: e.url }))) api('DELETE', `webhooks/${e.id}`).then(() => context.rerender(), fail);
          },
        }, t('webhooks.remove')),
      ] : null)));
  const boxes = data.event_types.map((type) => {
    const id = uid('event');
    return h('span', { class: 'check' }, h('input', { type: 'checkbox', id, name: 'events', value: type }), h('label', { for: id }, type));
  });
  const addForm = h('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const form = new FormData(event.target);
      try {
        const made = await api('POST', 'webhooks', {
          url: form.get('url'),
          events: form.getAll('events'),
          personal_data: form.get('personal_data') === 'on',
          description: form.get('description') || '',
        });
        await context.rerender();
        const shown = document.getElementById('new-secret');
        if (shown) {
          fill(shown, h('section', { class: 'panel secret', 'aria-labelledby': 'secret-title', role: 'alert' },
            h('h2', { id: 'secret-title' }, t('webhooks.secret_title')),
            h('p', null, t('webhooks.secret_once', { url: made.endpoint.url })),
            h('pre', { 'data-secret': '' }, made.secret)));
        }
      } catch (error) {
        fail(error);
      }
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'hook-url' }, t('webhooks.url')), h('input', { id: 'hook-url', name: 'url', type: 'url', required: true, placeholder: 'https://hooks.shop.example/vouch' })),
  h('fieldset', { class: 'tags' }, h('legend', null, t('webhooks.events')), boxes),
  h('span', { class: 'check' }, h('input', { type: 'checkbox', id: 'hook-personal', name: 'personal_data' }), h('label', { for: 'hook-personal' }, t('webhooks.personal_data'))),
  h('p', { class: 'hint' }, t('webhooks.personal_hint')),
  h('div', { class: 'field' }, h('label', { for: 'hook-description' }, t('webhooks.description')), h('input', { id: 'hook-description', name: 'description', maxlength: '200' })),
  h('button', { type: 'submit', class: 'primary' }, t('webhooks.add')));
  const deliveries = log.deliveries.map((d) => h('tr', { 'data-delivery': d.id, 'data-state': d.state },
    h('td', null, formatTime(d.created)),
    h('td', null, d.type, h('div', { class: 'hint' }, `#${d.sequence} ${d.event_id}`)),
    h('td', null, String(d.endpoint_id)),
    h('td', null, badge(`mail-${d.state === 'delivered' ? 'sent' : d.state}`, t(`webhooks.state.${d.state}`))),
    h('td', null, h('ol', { class: 'attempts' }, d.log.map((a) => h('li', null, attemptText(a))))),
    h('td', null, d.state === 'queued' && d.next_attempt ? t('outbox.next', { time: formatTime(d.next_attempt) }) : '',
      d.state === 'failed' ? h('button', {
        type: 'button',
        'aria-label': t('webhooks.redeliver_label', { type: d.type, sequence: d.sequence }),
        onclick: () => api('POST', `webhooks/deliveries/${d.id}/retry`).then(() => context.rerender(), fail),
      }, t('webhooks.redeliver')) : null)));
  fill(main,
    h('h1', null, t('webhooks.title')),
    h('p', { class: 'hint' }, t('webhooks.intro', { hours: data.retry_hours })),
    h('p', { class: 'legal' }, t('webhooks.rewards')),
    status,
    secret,
    scrollTable(t('webhooks.endpoints'),
      h('thead', null, h('tr', null, ['webhooks.url', 'webhooks.events', 'webhooks.personal', 'webhooks.source', 'webhooks.status', 'team.actions'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', null, endpoints.length ? endpoints : h('tr', null, h('td', { colspan: '6' }, t('webhooks.none'))))),
    h('section', { class: 'panel', 'aria-labelledby': 'add-title' }, h('h2', { id: 'add-title' }, t('webhooks.add_title')), addForm),
    scrollTable(endpointFilter ? t('webhooks.log_for', { id: endpointFilter }) : t('webhooks.log'),
      h('thead', null, h('tr', null, ['webhooks.time', 'webhooks.event', 'webhooks.endpoint', 'webhooks.status', 'webhooks.attempts', 'team.actions'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', null, deliveries.length ? deliveries : h('tr', null, h('td', { colspan: '6' }, t('webhooks.no_deliveries'))))),
    log.next_before ? h('p', null, h('a', { href: href('webhooks', { endpoint: endpointFilter, before: log.next_before }) }, t('outbox.older'))) : null);
}
