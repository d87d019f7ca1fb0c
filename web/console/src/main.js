// The owner console: a single page at /admin/ over the admin API. The shell
// (header, navigation, language switch, help dialog, keyboard shortcuts) and
// the hash router; each page lives in views/.
import { whenUnauthorized } from './api.js';
import { append, fill, h } from './dom.js';
import { initLocale, LOCALES, locale, setLocale, t } from './i18n.js';
import { go, href, parseHash } from './router.js';
import { can, loadSession, me, session, setSession } from './session.js';
import { logout, renderLogin } from './views/login.js';
import { renderAnalytics } from './views/analytics.js';
import { renderInbox } from './views/inbox.js';
import { renderItem } from './views/item.js';
import { renderTemplates } from './views/templates.js';
import { renderTeam } from './views/team.js';
import { renderSessions } from './views/sessions.js';
import { renderSettings } from './views/settings.js';
import { renderOutbox } from './views/outbox.js';
import { renderRequests } from './views/requests.js';
import { renderWebhooks } from './views/webhooks.js';
import { helpDialog } from './views/help.js';

const VIEWS = {
  inbox: renderInbox,
  item: renderItem,
  analytics: renderAnalytics,
  templates: renderTemplates,
  team: renderTeam,
  sessions: renderSessions,
  settings: renderSettings,
  outbox: renderOutbox,
  requests: renderRequests,
  webhooks: renderWebhooks,
};

const app = document.getElementById('app');
// The current view's keyboard handler: (key) => handled.
const context = { keys: null, rerender: () => render() };
let rendering = 0;

function navLink(route, text) {
  const active = parseHash().route === route || (route === 'inbox' && parseHash().route === 'item');
  return h('li', null, h('a', { href: href(route), 'aria-current': active ? 'page' : null }, text));
}

function languageSwitch() {
  const select = h(
    'select',
    { id: 'language', onchange: (event) => { setLocale(event.target.value); render(); } },
    Object.keys(LOCALES).map((code) => h('option', { value: code, selected: code === locale() }, LOCALES[code]['language.name'])),
  );
  return h('div', { class: 'language' }, h('label', { for: 'language' }, t('language.label')), select);
}

function header() {
  const user = session().user;
  return h(
    'header',
    { class: 'top' },
    h('a', { class: 'brand', href: href('inbox') }, t('app.name')),
    h(
      'nav',
      { 'aria-label': t('nav.label') },
      h(
        'ul',
        null,
        navLink('inbox', t('nav.inbox')),
        navLink('analytics', t('nav.analytics')),
        navLink('templates', t('nav.templates')),
        navLink('requests', t('nav.requests')),
        can('manage') ? navLink('team', t('nav.team')) : null,
        navLink('sessions', t('nav.sessions')),
        can('manage') ? navLink('outbox', t('nav.outbox')) : null,
        can('manage') ? navLink('webhooks', t('nav.webhooks')) : null,
        can('manage') ? navLink('settings', t('nav.settings')) : null,
      ),
    ),
    h(
      'div',
      { class: 'who' },
      languageSwitch(),
      h('span', { class: 'user', 'data-user': user.name }, t('app.signed_in', { name: user.name, role: t(`role.${user.role}`) })),
      h('button', { type: 'button', class: 'help-button', onclick: openHelp, 'aria-keyshortcuts': 'Shift+?' }, t('help.open')),
      h('button', { type: 'button', 'data-action': 'logout', onclick: () => logout().then(() => render()) }, t('app.logout')),
    ),
  );
}

function openHelp() {
  const dialog = helpDialog();
  document.body.append(dialog);
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
}

/** Renders the page the hash names; the login page when there is no session. */
export async function render() {
  const ticket = (rendering += 1);
  context.keys = null;
  if (!session()) await loadSession();
  if (ticket !== rendering) return;
  if (!session()) {
    fill(app, renderLogin(() => render(), languageSwitch()));
    app.querySelector('input')?.focus();
    return;
  }
  const route = parseHash();
  const view = VIEWS[route.route];
  if (!view) {
    go('inbox');
    return;
  }
  const main = h('main', { id: 'main', tabindex: '-1' });
  fill(app, header(), main);
  try {
    await view(main, route, context);
  } catch (error) {
    if (error.status === 401) return;
    append(main, h('p', { class: 'error', role: 'alert' }, t('error.load', { message: error.message })));
  }
  if (ticket !== rendering) return;
  // Focus moves to the new page's heading so screen readers announce it.
  const focusTarget = main.querySelector('[data-autofocus]') || main.querySelector('h1') || main;
  if (!focusTarget.hasAttribute('tabindex') && !/^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(focusTarget.tagName))
    focusTarget.setAttribute('tabindex', '-1');
  focusTarget.focus({ preventScroll: false });
  document.title = `${main.querySelector('h1')?.textContent || t('app.name')} · ${t('app.name')}`;
}

function typing(target) {
  return target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  if (!session() || document.querySelector('dialog[open]')) return;
  if (event.key === '?') {
    event.preventDefault();
    openHelp();
    return;
  }
  if (context.keys && context.keys(event.key)) event.preventDefault();
});

whenUnauthorized(() => {
  if (!session()) return;
  setSession(null);
  render();
});
window.addEventListener('hashchange', () => render());
// The skip link must not change the hash (the hash is the route): it moves focus.
document.querySelector('.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});
initLocale();
render();
export { me };
