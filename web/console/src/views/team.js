// The team (owners only): add a user with a role, change a role, remove.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { me } from '../session.js';

const ROLES = ['responder', 'moderator', 'owner'];

function roleSelect(id, value, onchange) {
  return h('select', { id, onchange }, ROLES.map((role) => h('option', { value: role, selected: role === value }, t(`role.${role}`))));
}

export async function renderTeam(main, route, context) {
  const data = await api('GET', 'users');
  const status = h('p', { class: 'status', role: 'status', id: 'team-status' });
  const errors = h('div', { class: 'error', role: 'alert', id: 'team-error' });
  const refresh = () => context.rerender();
  const report = (error) => {
    if (error.status !== 401) errors.textContent = t('error.generic', { message: error.message });
  };
  const rows = (data.users || []).map((user) => {
    let confirming = false;
    const remove = h('button', {
      type: 'button',
      class: 'danger',
      'data-remove': user.name,
      onclick: async () => {
        if (!confirming) {
          confirming = true;
          remove.textContent = t('team.remove_confirm', { name: user.name });
          return;
        }
        try {
          await api('DELETE', `users/${encodeURIComponent(user.name)}`);
          refresh();
        } catch (error) {
          report(error);
        }
      },
    }, t('team.remove'));
    const selectId = `role-${user.name}`;
    return h('tr', { 'data-user': user.name },
      h('th', { scope: 'row' }, user.name, user.name === me() ? ` (${t('team.you')})` : ''),
      h('td', null, h('label', { for: selectId, class: 'visually-hidden' }, t('team.role_of', { name: user.name })),
        roleSelect(selectId, user.role, async (event) => {
          try {
            await api('PATCH', `users/${encodeURIComponent(user.name)}`, { role: event.target.value });
            status.textContent = t('team.role_changed', { name: user.name });
          } catch (error) {
            report(error);
          }
        })),
      h('td', null, formatTime(user.created)),
      h('td', null, user.locked_until ? t('team.locked', { time: formatTime(user.locked_until) }) : ''),
      h('td', null, String(user.sessions ?? 0)),
      h('td', null, remove));
  });
  const add = h('form', {
    class: 'inline-form',
    'aria-labelledby': 'team-add-title',
    onsubmit: async (event) => {
      event.preventDefault();
      errors.textContent = '';
      const form = new FormData(event.target);
      try {
        await api('POST', 'users', { name: form.get('name'), role: form.get('role'), password: form.get('password') });
        refresh();
      } catch (error) {
        report(error);
      }
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'new-user-name' }, t('team.name')), h('input', { id: 'new-user-name', name: 'name', required: true, maxlength: '64', autocomplete: 'off' })),
  h('div', { class: 'field' }, h('label', { for: 'new-user-role' }, t('team.role')), h('select', { id: 'new-user-role', name: 'role' }, ROLES.map((role) => h('option', { value: role }, t(`role.${role}`))))),
  h('div', { class: 'field' }, h('label', { for: 'new-user-password' }, t('team.password')), h('input', { id: 'new-user-password', name: 'password', type: 'password', minlength: '10', required: true, autocomplete: 'new-password' })),
  h('button', { type: 'submit', class: 'primary' }, t('team.add')));
  fill(main,
    h('h1', null, t('team.title')),
    errors, status,
    h('table', { class: 'data team' },
      h('caption', null, t('team.caption')),
      h('thead', null, h('tr', null, ['team.name', 'team.role', 'team.created', 'team.lock', 'team.sessions', 'team.actions'].map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', null, rows)),
    h('section', { class: 'panel' }, h('h2', { id: 'team-add-title' }, t('team.add_title')), add));
}
