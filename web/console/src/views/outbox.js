// Outbox (owners): every e-mail the server sends, as queued / sending / sent /
// failed rows, the reason of a failure, a retry for failed ones, the raw text
// of one mail, and a test mail that checks the relay settings end to end.
import { api, query } from '../api.js';
import { fill, h } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { href } from '../router.js';
import { badge } from './common.js';

const STATES = ['queued', 'sending', 'sent', 'failed'];

function stateBadge(state) {
  return badge(`mail-${state}`, t(`outbox.state.${state}`), { 'data-state': state });
}

/** A table in a keyboard-scrollable region (narrow screens scroll it sideways). */
export function scrollTable(caption, ...parts) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: 'data' }, h('caption', null, caption), ...parts));
}

function mailDetail(mail) {
  return h('section', { class: 'panel', 'aria-labelledby': 'mail-title', 'data-mail': mail.id },
    h('h2', { id: 'mail-title' }, mail.subject || t('outbox.no_subject')),
    h('dl', { class: 'facts' },
      h('dt', null, t('outbox.to')), h('dd', null, mail.to_name ? `${mail.to_name} <${mail.to}>` : mail.to),
      h('dt', null, t('outbox.kind')), h('dd', null, label('outbox.kind', mail.kind)),
      h('dt', null, 'Message-ID'), h('dd', null, h('code', null, `<${mail.message_id}>`)),
      h('dt', null, t('outbox.state')), h('dd', null, stateBadge(mail.state)),
      mail.last_error ? [h('dt', null, t('outbox.last_error')), h('dd', { class: 'error-text' }, mail.last_error)] : null),
    h('h3', null, t('outbox.text')),
    h('pre', { class: 'mail-text', tabindex: '0' }, mail.text));
}

export async function renderOutbox(main, route, context) {
  const state = STATES.includes(route.params.state) ? route.params.state : '';
  const before = route.params.before || '';
  const data = await api('GET', `outbox${query({ state, before })}`);
  const status = h('p', { class: 'status', role: 'status' });
  const detail = h('div', { id: 'mail-detail' });
  const filters = h('ul', { class: 'filters', 'aria-label': t('outbox.filter') },
    h('li', null, h('a', { href: href('outbox'), 'aria-current': state ? null : 'page' }, t('outbox.all'))),
    STATES.map((s) => h('li', null, h('a', { href: href('outbox', { state: s }), 'aria-current': state === s ? 'page' : null, 'data-filter': s },
      t('outbox.count', { state: t(`outbox.state.${s}`), count: data.counts[s] })))));
  const rows = data.mails.map((mail) => h('tr', { 'data-mail': mail.id, 'data-state': mail.state },
    h('td', null, formatTime(mail.created)),
    h('td', null, mail.to),
    h('td', null, label('outbox.kind', mail.kind)),
    h('td', null, mail.subject),
    h('td', null, stateBadge(mail.state)),
    h('td', null, String(mail.attempts)),
    h('td', null, mail.state === 'sent' ? formatTime(mail.sent) : mail.state === 'queued' ? t('outbox.next', { time: formatTime(mail.next_attempt) }) : ''),
    h('td', { class: 'error-text' }, mail.last_error),
    h('td', null,
      h('button', {
        type: 'button',
        'aria-label': t('outbox.view_label', { to: mail.to }),
        onclick: async () => {
          try {
            fill(detail, mailDetail((await api('GET', `outbox/${mail.id}`)).mail));
            detail.querySelector('h2').setAttribute('tabindex', '-1');
            detail.querySelector('h2').focus();
          } catch (error) {
            status.textContent = t('error.generic', { message: error.message });
          }
        },
      }, t('outbox.view')),
      mail.state === 'failed' ? h('button', {
        type: 'button',
        'data-action': 'retry',
        'aria-label': t('outbox.retry_label', { to: mail.to }),
        onclick: async () => {
          try {
            await api('POST', `outbox/${mail.id}/retry`);
            context.rerender();
          } catch (error) {
            status.textContent = t('error.generic', { message: error.message });
          }
        },
      }, t('outbox.retry')) : null)));
  const testForm = h('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const to = new FormData(event.target).get('to');
      try {
        await api('POST', 'outbox/test', { to });
        context.rerender();
      } catch (error) {
        status.textContent = t('error.generic', { message: error.message });
      }
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'test-to' }, t('outbox.test_to')), h('input', { id: 'test-to', name: 'to', type: 'email', required: true, autocomplete: 'email' })),
  h('button', { type: 'submit' }, t('outbox.test_send')));
  fill(main,
    h('h1', null, t('outbox.title')),
    h('p', { class: data.sending_enabled ? 'hint' : 'warning', 'data-sending': data.sending_enabled ? 'on' : 'off' },
      data.sending_enabled ? t('outbox.relay', { relay: data.relay, from: data.from }) : t('outbox.no_relay')),
    status,
    filters,
    scrollTable(t('outbox.caption'),
      h('thead', null, h('tr', null, ['outbox.created', 'outbox.to', 'outbox.kind', 'outbox.subject', 'outbox.state', 'outbox.attempts', 'outbox.when', 'outbox.last_error', 'team.actions'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', null, rows.length ? rows : h('tr', null, h('td', { colspan: '9' }, t('outbox.empty'))))),
    data.next_before ? h('p', null, h('a', { href: href('outbox', { state, before: data.next_before }) }, t('outbox.older'))) : null,
    detail,
    h('section', { class: 'panel', 'aria-labelledby': 'test-title' }, h('h2', { id: 'test-title' }, t('outbox.test_title')), h('p', { class: 'hint' }, t('outbox.test_hint')), testForm));
}
