// Review requests (issue 18, docs/review-requests.md): the funnel of the
// request mails (the analytics page's panel: sent, star-link clicks, reviews
// from requests, verified share), the orders with each one's request status,
// a sample order for trying the whole path (the demo's mailbox shows the mail),
// and the mail templates per kind and locale: edit, live preview, save with
// the server's errors next to the field, back to the default, test-send.
// Nothing here depends on a rating: every order gets the same mail.
import { api, query } from '../api.js';
import { fill, h } from '../dom.js';
import { formatTime, label, locale as consoleLocale, t } from '../i18n.js';
import { go, href } from '../router.js';
import { can } from '../session.js';
import { requestsPanel } from './analytics.js';
import { badge } from './common.js';
import { scrollTable } from './outbox.js';

export const KINDS = ['request', 'reminder'];
export const MAIL_LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja', 'es', 'fr', 'de'];
const PAGE = 20;
const PREVIEW_DELAY_MS = 300;
const DAY = 86400000;
const isoDay = (date) => date.toISOString().slice(0, 10);

function languageName(tag) {
  try {
    return new Intl.DisplayNames([consoleLocale()], { type: 'language' }).of(tag) || tag;
  } catch {
    return tag;
  }
}

/**
 * One order's request status, from what the server lists (GET orders): the
 * customer opted out, every product reviewed through the order's links, else
 * the latest mail that went out (sent / reminded, with the next reminder's
 * time when one is scheduled), else why none went out, else when it will.
 */
export function orderStatus(order) {
  const items = (order.items || []).length;
  if (order.unsubscribed) return { key: 'unsubscribed' };
  if (items && order.verified_reviews >= items) return { key: 'reviewed' };
  const requests = order.requests || [];
  const queued = requests.filter((r) => r.state === 'queued');
  const next = requests.find((r) => r.state === 'scheduled');
  const last = queued[queued.length - 1];
  if (last) return { key: last.kind === 'reminder' ? 'reminded' : 'sent', time: last.queued, mail: last.mail_state, next: next && next.due };
  const skipped = requests.find((r) => r.state === 'skipped');
  if (skipped) return { key: 'skipped', reason: skipped.skip_reason };
  if (next) return { key: 'scheduled', time: next.due };
  return { key: 'none' };
}

function statusBadge(order) {
  const status = orderStatus(order);
  const text = status.key === 'skipped' ? t('requests.status.skipped', { reason: label('requests.skip', status.reason) }) : t(`requests.status.${status.key}`);
  return h('span', null,
    badge(`request-${status.key}`, text, { 'data-status': status.key, 'data-reason': status.reason || null }),
    status.time ? h('span', { class: 'meta' }, ` ${formatTime(status.time)}`) : null,
    status.mail ? h('span', { class: 'meta' }, ` · ${label('outbox.state', status.mail)}`) : null,
    status.next ? h('span', { class: 'meta', 'data-next': '' }, ` · ${t('requests.status.next_reminder', { time: formatTime(status.next) })}`) : null);
}

// ---- orders ------------------------------------------------------------------
// "Send now" on the order's scheduled request (owners): the server decides it
// at once with every check of the scheduler, so the answer may be "skipped".
function sendNowButton(order, context) {
  const scheduled = (order.requests || []).find((r) => r.state === 'scheduled');
  if (!scheduled || !can('manage') || orderStatus(order).key !== 'scheduled') return null;
  return h('button', {
    type: 'button',
    class: 'send-now',
    'data-action': 'send-now',
    'data-request': String(scheduled.id),
    'aria-label': t('requests.send_now.label', { order: order.order_id }),
    onclick: (event) => context.sendNow(order.order_id, scheduled.id, event.currentTarget),
  }, t('requests.send_now.button'));
}

function ordersPanel(data, q, offset, context) {
  const rows = data.orders.map((order) => h('tr', { 'data-order': order.order_id },
    h('th', { scope: 'row' }, order.order_id),
    h('td', null, order.customer.name ? `${order.customer.name} <${order.customer.email}>` : order.customer.email),
    h('td', null, formatTime(order.fulfilled_at)),
    h('td', null, (order.items || []).map((item) => item.name || item.product).join(', ')),
    h('td', null, statusBadge(order), sendNowButton(order, context)),
    h('td', { class: 'num', 'data-clicks': '' }, String((order.requests || []).reduce((sum, r) => sum + (r.clicks || 0), 0))),
    h('td', { class: 'num', 'data-verified': '' }, `${order.verified_reviews || 0} / ${(order.items || []).length}`)));
  const search = h('form', {
    role: 'search',
    class: 'inline-form',
    onsubmit: (event) => { event.preventDefault(); go('requests', { q: new FormData(event.target).get('q') }); },
  },
  h('label', { for: 'orders-q' }, t('requests.orders.search')),
  h('input', { id: 'orders-q', name: 'q', type: 'search', value: q, maxlength: '200' }),
  h('button', { type: 'submit' }, t('inbox.apply')));
  const from = data.total ? offset + 1 : 0;
  const to = offset + data.orders.length;
  const pager = h('p', { class: 'pager' },
    h('span', { 'data-range': '' }, t('requests.orders.range', { from, to, total: data.total })),
    offset > 0 ? h('a', { href: href('requests', { q, offset: Math.max(0, offset - PAGE) }), 'data-page': 'newer' }, t('requests.orders.newer')) : null,
    to < data.total ? h('a', { href: href('requests', { q, offset: to }), 'data-page': 'older' }, t('requests.orders.older')) : null);
  const columns = ['order', 'customer', 'fulfilled', 'items', 'status', 'clicks', 'verified'];
  return h('section', { class: 'panel', 'aria-labelledby': 'orders-title', 'data-panel': 'orders' },
    h('h2', { id: 'orders-title' }, t('requests.orders.title')),
    h('p', { class: 'hint' }, t('requests.orders.intro')),
    search,
    scrollTable(t('requests.orders.caption'),
      h('thead', null, h('tr', null, columns.map((key) => h('th', { scope: 'col' }, t(`requests.col.${key}`))))),
      h('tbody', null, rows.length ? rows : h('tr', null, h('td', { colspan: String(columns.length) }, q ? t('requests.orders.none_found', { q }) : t('requests.orders.empty'))))),
    pager);
}

// ---- a sample order ----------------------------------------------------------
// Posts an order like a store's backend would (POST orders): the request mail
// follows after the store's delay (0 days in the demo), so the owner sees the
// mail, its star links and a verified review without a real shop.
function sampleOrderPanel(context) {
  const status = h('p', { class: 'status', role: 'status' });
  const errors = h('ul', { id: 'sample-errors', class: 'error' });
  const field = (name, text, attrs) => h('div', { class: 'field' },
    h('label', { for: `sample-${name}` }, text),
    h('input', { id: `sample-${name}`, name, required: true, 'aria-describedby': 'sample-errors', ...attrs }));
  const product = `${location.origin}/products/linen-wrap-dress.html`;
  const form = h('form', {
    'data-form': 'sample-order',
    onsubmit: async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(event.target));
      const order = {
        order_id: `test-${Date.now().toString(36)}`,
        customer: { name: values.name, email: values.email, locale: values.locale },
        items: [{ product: values.product, name: values.product_name, url: values.url, image: '' }],
        fulfilled_at: Math.floor(Date.now() / 1000),
      };
      fill(errors);
      status.textContent = t('action.working');
      try {
        const stored = await api('POST', 'orders', order);
        status.textContent = stored.request
          ? t('requests.sample.stored', { id: stored.order_id, time: formatTime(stored.request.due) })
          : t('requests.sample.stored_no_request', { id: stored.order_id });
        context.refreshOrders();
      } catch (error) {
        status.textContent = t('error.generic', { message: error.message });
        fill(errors, ((error.body && error.body.errors) || []).map((e) => h('li', { 'data-field': e.field }, `${e.field}: ${e.message}`)));
      }
    },
  },
  field('email', t('requests.sample.email'), { type: 'email', autocomplete: 'off', value: 'shopper@example.com' }),
  field('name', t('requests.sample.name'), { value: 'Alex', maxlength: '200' }),
  h('div', { class: 'field' }, h('label', { for: 'sample-locale' }, t('requests.sample.locale')),
    h('select', { id: 'sample-locale', name: 'locale' }, MAIL_LOCALES.map((tag) => h('option', { value: tag, selected: tag === 'en' }, `${languageName(tag)} (${tag})`)))),
  field('product', t('requests.sample.product'), { value: 'demo-linen-dress', maxlength: '200' }),
  field('product_name', t('requests.sample.product_name'), { value: 'Linen Wrap Dress', maxlength: '200' }),
  field('url', t('requests.sample.url'), { type: 'url', value: product, maxlength: '2048' }),
  errors,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', 'data-action': 'sample-order' }, t('requests.sample.send'))));
  return h('section', { class: 'panel', 'aria-labelledby': 'sample-title', 'data-panel': 'sample-order' },
    h('h2', { id: 'sample-title' }, t('requests.sample.title')),
    h('p', { class: 'hint' }, t('requests.sample.intro'), ' ', h('a', { href: href('outbox') }, t('requests.sample.outbox'))),
    form, status);
}

// ---- templates ---------------------------------------------------------------
function templateList(templates, chosen) {
  return h('div', null, KINDS.map((kind) => h('div', { class: 'template-group' },
    h('h3', null, t(`requests.kind.${kind}`)),
    h('ul', { class: 'template-list' }, templates.filter((tpl) => tpl.kind === kind).map((tpl) => h('li', null,
      h('a', {
        href: href('requests', { kind: tpl.kind, locale: tpl.locale }),
        'aria-current': chosen === tpl ? 'true' : null,
        'data-template': `${tpl.kind}/${tpl.locale}`,
        lang: tpl.locale,
      }, `${languageName(tpl.locale)} (${tpl.locale})`),
      ' ', h('span', { class: 'meta' }, tpl.custom ? t('requests.templates.custom') : t('requests.templates.default'))))))));
}

/**
 * The preview's two parts as tabs: the HTML part as the customer's mail client
 * shows it, in a sandboxed frame (no script, an opaque origin) that loads the
 * server's preview page with its own CSP (the console's would block the mail's
 * inline styles in a srcdoc frame), and the text part. Arrow keys, Home and End
 * move between the tabs (WAI-ARIA tabs pattern).
 */
function mailParts(prefix, text, pagePath, chosen, onChoose) {
  const parts = ['html', 'text'];
  const tabs = {};
  const panels = {};
  const show = (name, focus) => {
    for (const key of parts) {
      const selected = key === name;
      tabs[key].setAttribute('aria-selected', String(selected));
      tabs[key].tabIndex = selected ? 0 : -1;
      panels[key].hidden = !selected;
    }
    if (focus) tabs[name].focus();
    onChoose(name);
  };
  for (const key of parts) {
    tabs[key] = h('button', {
      type: 'button',
      role: 'tab',
      id: `${prefix}-tab-${key}`,
      'aria-controls': `${prefix}-panel-${key}`,
      'data-preview-part': key,
      onclick: () => show(key, false),
      onkeydown: (event) => {
        const at = parts.indexOf(key);
        const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: parts.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        show(parts[(next + parts.length) % parts.length], true);
      },
    }, t(`requests.templates.part_${key}`));
  }
  panels.html = h('div', { role: 'tabpanel', id: `${prefix}-panel-html`, 'aria-labelledby': `${prefix}-tab-html`, class: 'mail-frame-box' },
    h('iframe', { class: 'mail-frame', sandbox: '', src: `/api/v1/admin/${pagePath}`, title: t('requests.templates.frame_title'), 'data-preview-html': '' }));
  panels.text = h('div', { role: 'tabpanel', id: `${prefix}-panel-text`, 'aria-labelledby': `${prefix}-tab-text` },
    h('pre', { class: 'mail-text', tabindex: '0', 'data-preview-text': '' }, text));
  const box = h('div', { class: 'mail-parts' },
    h('div', { role: 'tablist', class: 'tabs', 'aria-label': t('requests.templates.parts') }, parts.map((key) => tabs[key])),
    panels.html, panels.text);
  show(parts.includes(chosen) ? chosen : 'html', false);
  return box;
}

function templateEditor(template, placeholders, context) {
  const editable = can('templates');
  const target = `${template.kind}/${template.locale}`;
  const status = h('p', { class: 'status', role: 'status' });
  const errorsFor = { subject: h('div', { id: 'tpl-subject-error', class: 'error', 'data-error-for': 'subject' }), intro: h('div', { id: 'tpl-intro-error', class: 'error', 'data-error-for': 'intro' }) };
  const general = h('div', { class: 'error', role: 'alert' });
  const subject = h('input', { id: 'tpl-subject', value: template.subject, readonly: !editable, 'aria-describedby': 'tpl-subject-error tpl-placeholders', lang: template.locale });
  const intro = h('textarea', { id: 'tpl-intro', rows: '6', value: template.intro, readonly: !editable, 'aria-describedby': 'tpl-intro-error tpl-placeholders', lang: template.locale });
  const controls = { subject, intro };
  const preview = h('div', { class: 'preview', 'data-preview': '', 'aria-live': 'polite', lang: template.locale });
  let lastField = intro;
  const values = () => ({ kind: template.kind, locale: template.locale, subject: subject.value, intro: intro.value });

  const clearErrors = () => {
    fill(general);
    for (const key of Object.keys(controls)) {
      fill(errorsFor[key]);
      controls[key].removeAttribute('aria-invalid');
    }
  };
  // The server's errors (core check_template): each next to its field, at its offset.
  const showErrors = (error, focus) => {
    clearErrors();
    const list = (error.body && error.body.errors) || [];
    if (!list.length) fill(general, h('p', null, t('error.generic', { message: error.message })));
    for (const e of list) {
      const key = controls[e.field] ? e.field : 'intro';
      controls[key].setAttribute('aria-invalid', 'true');
      errorsFor[key].append(h('p', { 'data-error': e.code }, e.offset !== undefined ? t('templates.error_at', { message: e.message, offset: e.offset }) : e.message));
    }
    const first = list.find((e) => controls[e.field]);
    if (focus && first) {
      const control = controls[first.field];
      control.focus();
      if (typeof first.offset === 'number') control.setSelectionRange(first.offset, first.offset);
    }
  };

  let timer = 0;
  let ticket = 0;
  let part = 'html'; // the part shown, kept across previews
  const runPreview = async () => {
    const mine = (ticket += 1);
    try {
      const result = await api('POST', 'request-templates/preview', values());
      if (mine !== ticket) return;
      clearErrors();
      fill(preview,
        h('h3', null, t('requests.templates.preview')),
        h('p', { class: 'preview-subject' }, h('strong', null, `${t('requests.templates.subject')}: `), h('span', { 'data-preview-subject': '' }, result.subject)),
        mailParts(id, result.text, `request-templates/preview.html${query(values())}`, part, (chosen) => { part = chosen; }));
    } catch (error) {
      if (mine === ticket && error.status !== 401) showErrors(error, false);
    }
  };
  const schedulePreview = () => {
    clearTimeout(timer);
    timer = setTimeout(runPreview, PREVIEW_DELAY_MS);
  };
  subject.addEventListener('input', schedulePreview);
  intro.addEventListener('input', schedulePreview);
  subject.addEventListener('focus', () => { lastField = subject; });
  intro.addEventListener('focus', () => { lastField = intro; });

  const path = `request-templates/${encodeURIComponent(template.kind)}/${encodeURIComponent(template.locale)}`;
  const action = (text, attrs, run) => h('button', { type: 'button', ...attrs, onclick: async () => {
    status.textContent = t('action.working');
    try {
      status.textContent = await run();
    } catch (error) {
      status.textContent = '';
      if (error.status === 409 && error.code === 'no_owner_email') status.textContent = t('requests.templates.no_owner_email');
      else if (error.status !== 401) showErrors(error, true);
    }
  } }, text);

  const id = `tpl-${template.kind}-${template.locale}`;
  const editor = h('section', { class: 'panel editor', 'aria-labelledby': id, 'data-editor': target },
    h('h3', { id }, t('requests.templates.edit', { kind: t(`requests.kind.${template.kind}`), language: languageName(template.locale) })),
    h('div', { class: 'field' }, h('label', { for: 'tpl-subject' }, t('requests.templates.subject')), subject, errorsFor.subject),
    h('div', { class: 'field' }, h('label', { for: 'tpl-intro' }, t('requests.templates.intro_label')), intro, errorsFor.intro),
    h('div', { id: 'tpl-placeholders', class: 'placeholders' },
      h('p', null, t('requests.templates.placeholders')),
      h('ul', null, placeholders.map((name) => h('li', null,
        h('button', {
          type: 'button',
          class: 'link',
          disabled: !editable,
          'data-placeholder': name,
          onclick: () => {
            lastField.setRangeText(`{${name}}`, lastField.selectionStart, lastField.selectionEnd, 'end');
            lastField.focus();
            schedulePreview();
          },
        }, `{${name}}`), ' ', t(`requests.placeholder.${name}`))))),
    general,
    h('div', { class: 'actions' },
      editable ? action(t('templates.save'), { class: 'primary', 'data-action': 'save-request-template' }, async () => {
        clearErrors();
        await api('PUT', path, { subject: subject.value, intro: intro.value });
        context.rerender();
        return t('action.done');
      }) : null,
      editable && template.custom ? action(t('requests.templates.reset'), { 'data-action': 'reset-request-template' }, async () => {
        await api('DELETE', path);
        context.rerender();
        return t('action.done');
      }) : null,
      can('manage') ? action(t('requests.templates.test_send'), { 'data-action': 'test-send' }, async () => {
        const sent = await api('POST', 'request-templates/test-send', values());
        return t('requests.templates.test_sent', { to: sent.to });
      }) : null),
    status, preview);
  runPreview();
  return editor;
}

function templatesPanel(data, route, context) {
  const templates = data.templates || [];
  const kind = KINDS.includes(route.params.kind) ? route.params.kind : 'request';
  const wanted = MAIL_LOCALES.includes(route.params.locale) ? route.params.locale : 'en';
  const chosen = templates.find((tpl) => tpl.kind === kind && tpl.locale === wanted) || templates[0];
  return h('section', { class: 'panel', 'aria-labelledby': 'request-templates-title', 'data-panel': 'request-templates' },
    h('h2', { id: 'request-templates-title' }, t('requests.templates.title')),
    h('p', { class: 'hint' }, t('requests.templates.intro')),
    h('div', { class: 'two-columns' },
      templateList(templates, chosen),
      chosen ? templateEditor(chosen, data.placeholders || [], context) : h('p', null, t('requests.templates.none'))));
}

export async function renderRequests(main, route, context) {
  // The server takes at most 200 bytes of search (UTF-8): a longer hash is cut, not refused.
  let q = route.params.q || '';
  while (new TextEncoder().encode(q).length > 200) q = q.slice(0, -1);
  const offset = Math.max(0, Math.floor(Number(route.params.offset) || 0));
  const to = isoDay(new Date());
  const from = isoDay(new Date(Date.now() - 83 * DAY));
  const [orders, templates, analytics] = await Promise.all([
    api('GET', `orders${query({ q, offset, limit: PAGE })}`),
    api('GET', 'request-templates'),
    api('GET', `analytics${query({ from, to, period: 'week' })}`),
  ]);
  const ordersBox = h('div', { 'data-orders': '' });
  // Outside the list, so the answer stays when the list is drawn again.
  const sendStatus = h('p', { class: 'status', role: 'status', tabindex: '-1', 'data-send-now-status': '' });
  const local = {
    ...context,
    // After a sample order or a send-now: the list again, without redrawing the editor.
    refreshOrders: async () => {
      try {
        fill(ordersBox, ordersPanel(await api('GET', `orders${query({ q, offset, limit: PAGE })}`), q, offset, local));
      } catch {
        // the next page load shows it
      }
    },
    sendNow: async (orderId, requestId, button) => {
      button.disabled = true;
      sendStatus.textContent = t('action.working');
      try {
        const { request } = await api('POST', `requests/${encodeURIComponent(requestId)}/send-now`);
        sendStatus.dataset.result = request.state;
        sendStatus.textContent = request.state === 'queued'
          ? t('requests.send_now.queued', { order: orderId })
          : t('requests.send_now.skipped', { order: orderId, reason: label('requests.skip', request.skip_reason) });
      } catch (error) {
        if (error.status === 401) return;
        const request = error.body && error.body.request;
        sendStatus.dataset.result = error.code || 'error';
        sendStatus.textContent = error.status === 409 && request
          ? t('requests.send_now.not_scheduled', { order: orderId, state: label('requests.state', request.state) })
          : t('error.generic', { message: error.message });
      }
      await local.refreshOrders();
      sendStatus.focus(); // the button is gone with the old list
    },
  };
  fill(ordersBox, ordersPanel(orders, q, offset, local));
  fill(main,
    h('h1', null, t('requests.title')),
    h('p', { class: 'hint' }, t('requests.intro')),
    requestsPanel(analytics.requests || {}),
    ordersBox,
    sendStatus,
    can('manage') ? sampleOrderPanel(local) : null,
    templatesPanel(templates, route, local));
}
