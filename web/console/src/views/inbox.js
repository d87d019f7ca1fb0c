// The inbox: filters with live counts (sidebar), the metrics bar, the list,
// bulk actions on selected rows, j/k/o/r/e/s on the current row.
import { api, query } from '../api.js';
import { append, fill, h, uid } from '../dom.js';
import { label, t } from '../i18n.js';
import { go, href } from '../router.js';
import { can, me } from '../session.js';
import { metricsBar } from './metrics.js';
import { badge, dueBadge, PRIORITIES, priorityBadge, provenanceBadge, stars, STATES, STATUSES, tagBadges } from './common.js';

const VIEWS = ['all', 'needs_response', 'overdue', 'due_today', 'unread', 'starred', 'follow_up_due'];
const FILTER_KEYS = ['view', 'kind', 'assignee', 'tag', 'priority', 'rating', 'product', 'status', 'state', 'from', 'to', 'q', 'sort', 'offset'];

/** The page's heading: the view's name; "All questions" when only questions are listed. */
function inboxHeading(filters) {
  const view = filters.view || 'all';
  return t(view === 'all' && filters.kind === 'question' ? 'view.all_questions' : `view.${view}`);
}
const PAGE = 50;
const ui = { sidebarOpen: false, current: -1, flash: '' };

function filtersFrom(params) {
  const filters = {};
  for (const key of FILTER_KEYS) if (params[key]) filters[key] = params[key];
  return filters;
}

/** A sidebar link that sets one filter (and keeps the others); active when already set. */
function filterLink(filters, key, value, text, count) {
  const active = key === 'view' ? (filters.view || 'all') === value : filters[key] === value;
  const next = { ...filters, offset: '' };
  if (key === 'view') next.view = value === 'all' ? '' : value;
  else next[key] = active ? '' : value;
  return h(
    'li',
    null,
    h(
      'a',
      { href: href('inbox', next), 'aria-current': active ? 'true' : null, 'data-filter': `${key}:${value}` },
      h('span', { class: 'filter-name' }, text),
      count === undefined ? null : h('span', { class: 'count', 'data-count': `${key}:${value}` }, String(count)),
    ),
  );
}

function group(title, items) {
  if (!items.length) return null;
  const id = uid('filter-group');
  return h('section', { class: 'filter-group', 'aria-labelledby': id }, h('h2', { id }, title), h('ul', null, items));
}

function sidebar(filters, counts) {
  const viewCounts = { all: counts.all, needs_response: counts.needs_response, overdue: counts.overdue, due_today: counts.due_today, unread: counts.unread, starred: counts.starred, follow_up_due: counts.follow_up_due };
  const byAssignee = counts.by_assignee || {};
  const form = h(
    'form',
    {
      class: 'filter-form',
      role: 'search',
      onsubmit: (event) => {
        event.preventDefault();
        const data = new FormData(event.target);
        go('inbox', { ...filters, q: data.get('q'), product: data.get('product'), from: data.get('from'), to: data.get('to'), offset: '' });
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'inbox-q' }, t('inbox.search')), h('input', { id: 'inbox-q', name: 'q', type: 'search', value: filters.q || '' })),
    h('div', { class: 'field' }, h('label', { for: 'inbox-product' }, t('inbox.product')), h('input', { id: 'inbox-product', name: 'product', value: filters.product || '' })),
    h('div', { class: 'field' }, h('label', { for: 'inbox-from' }, t('inbox.from')), h('input', { id: 'inbox-from', name: 'from', type: 'date', value: filters.from || '' })),
    h('div', { class: 'field' }, h('label', { for: 'inbox-to' }, t('inbox.to')), h('input', { id: 'inbox-to', name: 'to', type: 'date', value: filters.to || '' })),
    h('button', { type: 'submit' }, t('inbox.apply')),
    Object.keys(filters).length ? h('a', { href: href('inbox'), class: 'clear' }, t('inbox.clear')) : null,
  );
  return h(
    'aside',
    { class: `sidebar${ui.sidebarOpen ? ' open' : ''}`, id: 'inbox-filters', 'aria-label': t('inbox.filters') },
    group(t('inbox.views'), VIEWS.map((view) => filterLink(filters, 'view', view, t(`view.${view}`), viewCounts[view] ?? 0))),
    form,
    group(t('inbox.assigned'), [
      filterLink(filters, 'assignee', 'me', t('inbox.assigned_me'), counts.assigned_to_me ?? 0),
      filterLink(filters, 'assignee', 'none', t('inbox.assigned_none'), counts.unassigned ?? 0),
      ...Object.entries(byAssignee).map(([name, n]) => filterLink(filters, 'assignee', name, name, n)),
    ]),
    group(t('inbox.kind'), ['review', 'question'].map((k) => filterLink(filters, 'kind', k, t(`kind.${k}`), (counts.by_kind || {})[k] ?? 0))),
    group(t('inbox.tags'), Object.entries(counts.by_tag || {}).map(([tag, n]) => filterLink(filters, 'tag', tag, label('tag', tag), n))),
    group(t('inbox.priority'), PRIORITIES.map((p) => filterLink(filters, 'priority', p, label('priority', p), (counts.by_priority || {})[p] ?? 0))),
    group(t('inbox.rating'), ['1', '2', '3', '4', '5'].map((r) => filterLink(filters, 'rating', r, t('item.stars', { n: r }), (counts.by_rating || {})[r] ?? 0))),
    group(t('inbox.status'), STATUSES.map((s) => filterLink(filters, 'status', s, label('status', s), (counts.by_status || {})[s] ?? 0))),
    group(t('inbox.state'), STATES.map((s) => filterLink(filters, 'state', s, label('state', s)))),
  );
}

function excerpt(text, length = 140) {
  const clean = String(text || '').replace(/\s+/g, ' ').trim();
  return clean.length > length ? `${clean.slice(0, length - 1)}…` : clean;
}

function row(item, selected, onToggle) {
  const checkboxId = uid('select');
  const question = item.kind === 'question';
  return h(
    'li',
    { class: `row${item.state === 'unread' ? ' unread' : ''}`, 'data-id': item.id, 'data-state': item.state },
    h('div', { class: 'row-select' },
      h('input', { type: 'checkbox', id: checkboxId, checked: selected.has(item.id), onchange: (event) => onToggle(item.id, event.target.checked) }),
      h('label', { for: checkboxId, class: 'visually-hidden' }, t('inbox.select', { title: item.title || (question ? excerpt(item.body, 60) : item.id) }))),
    h(
      'div',
      { class: 'row-main' },
      h('div', { class: 'row-line' },
        // A question has no rating: its kind badge stands where the stars are.
        question ? badge('kind-question', t('item.question_badge'), { 'data-kind-badge': 'question' }) : stars(item.rating),
        h('span', { class: 'product' }, item.product_id), item.starred ? badge('star', t('item.starred')) : null),
      h('a', { class: 'row-link', href: href('item', {}, item.id) }, h('strong', null, question ? t('item.question_title', { author: item.author || t('item.anonymous') }) : item.title || t('item.untitled')), ' ', h('span', { class: 'excerpt' }, excerpt(item.body))),
      h(
        'div',
        { class: 'row-meta' },
        provenanceBadge(item),
        item.photos && item.photos.length ? badge('photos', t('item.photos', { n: item.photos.length })) : null,
        (item.flags || []).map((flag) => badge('flag', label('flag', flag))),
        tagBadges(item),
        priorityBadge(item),
        dueBadge(item),
        badge('state', label('state', item.state), { 'data-state-badge': item.state }),
        item.assignee ? badge('assignee', t('item.assignee_short', { name: item.assignee })) : null,
        item.reply ? badge('replied', t(question ? 'item.answered' : 'item.replied')) : null,
      ),
    ),
  );
}

function bulkBar(selected, items, status, refresh) {
  const assignInput = h('input', { id: 'bulk-assignee', list: 'assignee-names', size: '12' });
  const tagInput = h('input', { id: 'bulk-tag', list: 'tag-names', size: '10' });
  const run = async (action, value) => {
    const ids = [...selected];
    if (!ids.length) {
      status.textContent = t('bulk.none');
      return;
    }
    status.textContent = t('bulk.working');
    try {
      const result = await api('POST', 'inbox/bulk', { ids, action, value });
      // The list is rebuilt from the server: the outcome is shown on the new page.
      ui.flash = t('bulk.done', { done: result.done, failed: (result.failed || []).length });
      await refresh();
    } catch (error) {
      status.textContent = t('error.generic', { message: error.message });
    }
  };
  const button = (action, text, value) => h('button', { type: 'button', 'data-bulk': action, onclick: () => run(action, value ? value() : undefined) }, text);
  return h(
    'div',
    { class: 'bulk', role: 'group', 'aria-label': t('bulk.label') },
    h('label', { class: 'select-all' }, h('input', {
      type: 'checkbox',
      id: 'select-all',
      onchange: (event) => {
        for (const item of items) (event.target.checked ? selected.add(item.id) : selected.delete(item.id));
        for (const box of document.querySelectorAll('.row-select input')) box.checked = event.target.checked;
      },
    }), t('bulk.select_all')),
    button('read', t('bulk.read')),
    button('unread', t('bulk.unread')),
    button('star', t('bulk.star')),
    h('span', { class: 'bulk-with' }, h('label', { for: 'bulk-assignee' }, t('bulk.assignee')), assignInput, button('assign', t('bulk.assign'), () => assignInput.value)),
    h('span', { class: 'bulk-with' }, h('label', { for: 'bulk-tag' }, t('bulk.tag_name')), tagInput, button('tag', t('bulk.tag'), () => tagInput.value)),
    can('moderate') ? [button('approve', t('bulk.approve')), button('reject', t('bulk.reject'))] : null,
  );
}

export async function renderInbox(main, route, context) {
  const filters = filtersFrom(route.params);
  const data = await api('GET', `inbox${query({ ...filters, limit: PAGE })}`);
  const selected = new Set();
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' }, ui.flash);
  ui.flash = '';
  const list = h('ol', { class: 'rows', 'aria-label': t('inbox.list') });
  const names = new Set([me(), ...Object.keys(data.counts.by_assignee || {})]);
  const toggle = (id, on) => (on ? selected.add(id) : selected.delete(id));
  const refresh = () => context.rerender();
  const items = data.items || [];
  append(list, items.map((item) => row(item, selected, toggle)));
  if (!items.length) append(list, h('li', { class: 'empty' }, t('inbox.empty')));
  const sidebarToggle = h('button', {
    type: 'button',
    class: 'sidebar-toggle',
    'aria-expanded': String(ui.sidebarOpen),
    'aria-controls': 'inbox-filters',
    onclick: (event) => {
      ui.sidebarOpen = !ui.sidebarOpen;
      event.target.setAttribute('aria-expanded', String(ui.sidebarOpen));
      main.querySelector('.sidebar').classList.toggle('open', ui.sidebarOpen);
    },
  }, t('inbox.toggle_filters'));
  const offset = Number(filters.offset || 0);
  const pager = h(
    'nav',
    { class: 'pager', 'aria-label': t('inbox.pages') },
    offset > 0 ? h('a', { href: href('inbox', { ...filters, offset: Math.max(0, offset - PAGE) || '' }) }, t('inbox.previous')) : null,
    h('span', null, t('inbox.range', { from: items.length ? offset + 1 : 0, to: offset + items.length, total: data.total })),
    offset + items.length < data.total ? h('a', { href: href('inbox', { ...filters, offset: offset + PAGE }) }, t('inbox.next')) : null,
  );
  const metrics = metricsBar();
  fill(
    main,
    h('div', { class: 'inbox-head' }, h('h1', null, inboxHeading(filters)), sidebarToggle),
    metrics,
    h(
      'div',
      { class: 'inbox' },
      sidebar(filters, data.counts || {}),
      h('section', { class: 'list', 'aria-labelledby': 'list-title' },
        h('h2', { id: 'list-title', class: 'visually-hidden' }, t('inbox.list')),
        bulkBar(selected, items, status, refresh), status, list, pager),
    ),
    h('datalist', { id: 'assignee-names' }, [...names].filter(Boolean).map((name) => h('option', { value: name }))),
    h('datalist', { id: 'tag-names' }, Object.keys(data.counts.by_tag || {}).map((tag) => h('option', { value: tag }))),
  );
  await metrics.ready;

  // Keyboard: j/k move the current row, o opens, r replies, e resolves, s stars.
  const rows = () => [...list.querySelectorAll('li.row')];
  ui.current = -1; // no current row until j/k or focus picks one
  const mark = (index) => {
    const all = rows();
    if (!all.length) return;
    ui.current = Math.max(0, Math.min(all.length - 1, index));
    all.forEach((el, i) => el.classList.toggle('current', i === ui.current));
    all[ui.current].querySelector('.row-link').focus();
  };
  const currentItem = () => items[ui.current];
  context.keys = (key) => {
    if (!items.length) return false;
    if (key === 'j') mark(ui.current + 1);
    else if (key === 'k') mark(Math.max(0, ui.current - 1));
    else if (ui.current < 0) return false;
    else if (key === 'o') go('item', {}, currentItem().id);
    else if (key === 'r') go('item', { focus: 'reply' }, currentItem().id);
    else if (key === 'e') go('item', { focus: 'resolve' }, currentItem().id);
    else if (key === 's') {
      const item = currentItem();
      api('PATCH', `inbox/${encodeURIComponent(item.id)}`, { starred: !item.starred }).then(refresh, (error) => { status.textContent = error.message; });
    } else return false;
    return true;
  };
  list.addEventListener('focusin', (event) => {
    const li = event.target.closest('li.row');
    if (li) {
      ui.current = rows().indexOf(li);
      rows().forEach((el, i) => el.classList.toggle('current', i === ui.current));
    }
  });
}
