// The login page: name and password; the API's refusals shown as they are
// meant (wrong credentials, a locked account with the time to retry).
import { api } from '../api.js';
import { h } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { loadSession, setSession } from '../session.js';

function retryText(error) {
  const seconds = Number(error.retryAfter);
  if (!Number.isFinite(seconds) || seconds <= 0) return '';
  return formatTime(new Date(Date.now() + seconds * 1000).toISOString());
}

export function loginMessage(error) {
  if (error.code === 'invalid_credentials') return t('login.invalid');
  if (error.code === 'account_locked') return t('login.locked', { time: retryText(error) || t('login.later') });
  if (error.code === 'too_many_logins') return t('login.too_many', { time: retryText(error) || t('login.later') });
  return t('error.generic', { message: error.message });
}

export function renderLogin(done, languageSwitch) {
  const alert = h('div', { class: 'error', role: 'alert', id: 'login-error' });
  const name = h('input', { id: 'login-name', name: 'name', autocomplete: 'username', required: true, maxlength: '64' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const form = h(
    'form',
    {
      class: 'login-form',
      'aria-describedby': 'login-error',
      onsubmit: async (event) => {
        event.preventDefault();
        alert.textContent = '';
        submit.disabled = true;
        try {
          await api('POST', 'login', { name: name.value, password: password.value }, { login: true });
          setSession(null);
          await loadSession();
          done();
        } catch (error) {
          alert.textContent = loginMessage(error);
          password.value = '';
          password.focus();
        } finally {
          submit.disabled = false;
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'login-name' }, t('login.name')), name),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
    alert,
    submit,
  );
  return h('main', { id: 'main', class: 'login', tabindex: '-1' }, languageSwitch, h('h1', null, t('login.title')), h('p', null, t('login.intro')), form);
}

export async function logout() {
  try {
    await api('POST', 'logout', undefined, { login: true });
  } catch {
    // already logged out: the login page follows either way
  }
  setSession(null);
}
