// Sessions: one's own (an owner sees everyone's), each can be ended; and one's
// own password.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { me } from '../session.js';

export async function renderSessions(main, route, context) {
  const data = await api('GET', 'sessions');
  const status = h('p', { class: 'status', role: 'status' });
  const rows = (data.sessions || []).map((s) => h('tr', { 'data-session': s.id },
    h('td', null, s.user, s.current ? ` (${t('sessions.current')})` : ''),
    h('td', null, formatTime(s.created)),
    h('td', null, formatTime(s.last_seen)),
    h('td', null, s.ip || ''),
    h('td', { class: 'agent' }, s.user_agent || ''),
    h('td', null, h('button', {
      type: 'button',
      'aria-label': t('sessions.end_label', { user: s.user, time: formatTime(s.created) }),
      onclick: async () => {
        try {
          await api('DELETE', `sessions/${encodeURIComponent(s.id)}`);
          context.rerender();
        } catch (error) {
          status.textContent = error.message;
        }
      },
    }, t('sessions.end')))));
  const password = h('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const form = new FormData(event.target);
      try {
        await api('PATCH', `users/${encodeURIComponent(me())}`, { password: form.get('password'), current_password: form.get('current') });
        status.textContent = t('sessions.password_changed');
        event.target.reset();
      } catch (error) {
        status.textContent = t('error.generic', { message: error.message });
      }
    },
  },
  h('input', { type: 'text', name: 'username', autocomplete: 'username', value: me(), hidden: true, readonly: true }),
  h('div', { class: 'field' }, h('label', { for: 'current-password' }, t('sessions.current_password')), h('input', { id: 'current-password', name: 'current', type: 'password', autocomplete: 'current-password', required: true })),
  h('div', { class: 'field' }, h('label', { for: 'new-password' }, t('sessions.new_password')), h('input', { id: 'new-password', name: 'password', type: 'password', minlength: '10', autocomplete: 'new-password', required: true })),
  h('button', { type: 'submit' }, t('sessions.change_password')));
  fill(main,
    h('h1', null, t('sessions.title')),
    status,
    h('table', { class: 'data' },
      h('caption', null, t('sessions.caption')),
      h('thead', null, h('tr', null, ['sessions.user', 'sessions.created', 'sessions.last_seen', 'sessions.ip', 'sessions.agent', 'team.actions'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', null, rows)),
    h('section', { class: 'panel', 'aria-labelledby': 'password-title' }, h('h2', { id: 'password-title' }, t('sessions.password_title')), password));
}
