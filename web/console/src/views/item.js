// One review: full text, photos, the evidence of its tags, history, and the
// work on it: reply (template picker, preview, the reply check's warnings
// before publishing), no reply needed, note, private message, resolve with a
// follow-up, follow-up outcome, tag/priority correction, assign, star, moderation.
// A question item (kind "question") has its own page (question-item.js), built
// from the same panels.
import { api } from '../api.js';
import { append, fill, h, uid } from '../dom.js';
import { formatTime, label, locale, t } from '../i18n.js';
import { go, href } from '../router.js';
import { can, me } from '../session.js';
import { BUILTIN_TAGS, badge, dueBadge, PRIORITIES, priorityBadge, provenanceBadge, stars, tagBadges } from './common.js';
import { renderQuestionItem } from './question-item.js';

export function section(key, ...children) {
  const id = uid('section');
  return h('section', { class: `panel panel-${key}`, 'aria-labelledby': id }, h('h2', { id }, t(`item.section.${key}`)), ...children);
}

export function field(labelText, control, hint) {
  const hintId = hint ? uid('hint') : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  if (!control.id) control.id = uid('field');
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control, hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** Runs `action`, showing progress and the outcome in `status`; rerenders on success. */
export async function act(status, action, after) {
  status.textContent = t('action.working');
  status.classList.remove('error');
  try {
    const result = await action();
    status.textContent = t('action.done');
    if (after) await after(result);
    return result;
  } catch (error) {
    if (error.status === 401) return undefined;
    status.textContent = t('error.generic', { message: error.message });
    status.classList.add('error');
    return undefined;
  }
}

function warningsList(warnings) {
  if (!warnings || !warnings.length) return null;
  return h('ul', { class: 'warnings' }, warnings.map((w) => h('li', { 'data-warning': w.code }, w.message || w.code)));
}

/**
 * The reply composer. `options` lets a question item use it for the store's
 * answer (same templates, placeholders and reply check): `send(text)` publishes,
 * `key` names the section, `initial` fills the text, `labels` overrides text/hint/publish.
 */
export function replyPanel(item, path, refresh, autofocus, options = {}) {
  const {
    send = (body) => api('POST', `reviews/${path}/reply`, { text: body }),
    key = 'reply',
    initial = item.reply ? item.reply.text : '',
    current = item.reply,
    labels = {},
  } = options;
  const publishLabel = labels.publish || t('reply.publish');
  const status = h('p', { class: 'status', role: 'status' });
  const text = h('textarea', { id: 'reply-text', name: 'reply', rows: '6', value: initial });
  if (autofocus) text.setAttribute('data-autofocus', '');
  const preview = h('div', { class: 'preview', id: 'reply-preview', 'aria-live': 'polite' });
  const warnings = h('div', { class: 'reply-warnings', id: 'reply-warnings', role: 'alert' });
  const picker = h('select', { id: 'template-picker' }, h('option', { value: '' }, t('reply.pick')));
  let checkedText = null;
  const publish = h('button', { type: 'button', class: 'primary', 'data-action': 'publish-reply' }, publishLabel);
  api('GET', `templates?review=${encodeURIComponent(item.id)}&locale=${encodeURIComponent(item.language || locale())}`)
    .then((data) => {
      for (const template of data.templates || []) {
        append(picker, h('option', { value: template.id }, `${template.name} (${template.locale})${template.score ? ' ★' : ''}`));
      }
    })
    .catch(() => {});
  picker.addEventListener('change', async () => {
    if (!picker.value) return;
    const result = await act(status, () => api('POST', 'templates/preview', { template_id: Number(picker.value) || picker.value, review_id: item.id }));
    if (!result) return;
    text.value = result.text;
    checkedText = null;
    fill(preview, h('h3', null, t('reply.preview')), h('p', { class: 'preview-text' }, result.text));
    fill(warnings, warningsList([...(result.errors || []), ...(result.warnings || [])]));
  });
  const showPreview = h('button', {
    type: 'button',
    onclick: async () => {
      const result = await act(status, () => api('POST', 'templates/preview', { body: text.value, review_id: item.id }));
      if (result) {
        fill(preview, h('h3', null, t('reply.preview')), h('p', { class: 'preview-text' }, result.text));
        fill(warnings, warningsList([...(result.errors || []), ...(result.warnings || [])]));
      }
    },
  }, t('reply.show_preview'));
  // The reply check runs first; its warnings are shown and a second click publishes anyway.
  publish.addEventListener('click', async () => {
    if (checkedText !== text.value) {
      const check = await act(status, () => api('POST', 'replies/check', { text: text.value }));
      if (!check) return;
      checkedText = text.value;
      if (check.warnings && check.warnings.length) {
        fill(warnings, h('p', null, t('reply.warnings')), warningsList(check.warnings));
        publish.textContent = t('reply.publish_anyway');
        status.textContent = '';
        return;
      }
    }
    await act(status, () => send(text.value), refresh);
  });
  text.addEventListener('input', () => { publish.textContent = publishLabel; });
  return section(
    key,
    current ? h('p', { class: 'current-reply' }, t('reply.current', { by: current.by || '', time: formatTime(current.time) })) : null,
    field(t('reply.template'), picker),
    field(labels.text || t('reply.text'), text, labels.hint || t('reply.hint')),
    h('div', { class: 'actions' }, showPreview, publish),
    warnings,
    preview,
    status,
  );
}

export function noReplyPanel(item, path, refresh) {
  const status = h('p', { class: 'status', role: 'status' });
  if (item.no_reply) {
    return section('no_reply',
      h('p', null, t('no_reply.set', { reason: item.no_reply.reason, time: formatTime(item.no_reply.at) })),
      h('button', { type: 'button', onclick: () => act(status, () => api('DELETE', `inbox/${path}/no-reply`), refresh) }, t('no_reply.undo')),
      status);
  }
  const reason = h('input', { id: 'no-reply-reason' });
  return section('no_reply',
    field(t('no_reply.reason'), reason),
    h('button', { type: 'button', onclick: () => act(status, () => api('POST', `inbox/${path}/no-reply`, { reason: reason.value }), refresh) }, t('no_reply.submit')),
    status);
}

function resolvePanel(item, path, refresh, autofocus) {
  const status = h('p', { class: 'status', role: 'status' });
  const days = h('input', { id: 'follow-up-days', type: 'number', min: '0', max: '90', value: '7', inputmode: 'numeric' });
  const children = [];
  if (item.state === 'resolved' || item.state === 'followed_up') {
    children.push(h('p', null, t('resolve.resolved', { date: item.follow_up && item.follow_up.due_at ? formatTime(item.follow_up.due_at) : t('resolve.no_follow_up') })));
    children.push(h('button', { type: 'button', onclick: () => act(status, () => api('POST', `inbox/${path}/reopen`), refresh) }, t('resolve.reopen')));
  } else {
    // Either a number of days (default 7) or a chosen day; the server takes one of them.
    const date = h('input', { id: 'follow-up-date', type: 'date' });
    const body = () => (date.value ? { follow_up_at: date.value } : { follow_up_days: Number(days.value) });
    const button = h('button', { type: 'button', class: 'primary', 'data-action': 'resolve', onclick: () => act(status, () => api('POST', `inbox/${path}/resolve`, body()), refresh) }, t('resolve.submit'));
    if (autofocus) button.setAttribute('data-autofocus', '');
    children.push(field(t('resolve.days'), days, t('resolve.days_hint')), field(t('resolve.date'), date, t('resolve.date_hint')), button);
  }
  children.push(h('p', { class: 'legal' }, t('resolve.ftc')));
  if (item.follow_up && item.follow_up.due_at && !item.follow_up.outcome) {
    children.push(h('div', { class: 'outcomes', role: 'group', 'aria-label': t('follow_up.outcome') },
      h('p', null, t('follow_up.due', { date: formatTime(item.follow_up.due_at) })),
      ['satisfied', 'not_satisfied', 'no_answer'].map((outcome) =>
        h('button', { type: 'button', 'data-outcome': outcome, onclick: () => act(status, () => api('POST', `inbox/${path}/follow-up`, { outcome }), refresh) }, t(`follow_up.${outcome}`)))));
  } else if (item.follow_up && item.follow_up.outcome) {
    children.push(h('p', { 'data-follow-up-outcome': item.follow_up.outcome }, t('follow_up.recorded', { outcome: t(`follow_up.${item.follow_up.outcome}`), by: item.follow_up.by || '' })));
  }
  children.push(status);
  return section('resolve', ...children);
}

function notesPanel(item, path, refresh) {
  const status = h('p', { class: 'status', role: 'status' });
  const note = h('textarea', { id: 'note-text', rows: '3' });
  const message = h('textarea', { id: 'message-text', rows: '4' });
  const mail = h('p', { class: 'mailto' });
  return section('notes',
    field(t('notes.note'), note, t('notes.note_hint')),
    h('button', { type: 'button', onclick: () => act(status, () => api('POST', `inbox/${path}/notes`, { text: note.value }), refresh) }, t('notes.add')),
    field(t('notes.message'), message, t('notes.message_hint')),
    h('button', {
      type: 'button',
      onclick: () => act(status, () => api('POST', `inbox/${path}/messages`, { text: message.value }), (result) => {
        // Queued in the outbox when a mail relay is set up, else the owner's mail program sends it.
        if (result.outbox_id) fill(mail, h('a', { href: href('outbox'), 'data-outbox': result.outbox_id }, t('notes.queued', { id: result.outbox_id })));
        else fill(mail, h('a', { href: result.mailto, 'data-mailto': '' }, t('notes.open_mail')));
      }),
    }, t('notes.send')),
    mail,
    status);
}

export function correctPanel(item, path, refresh) {
  const status = h('p', { class: 'status', role: 'status' });
  const tags = [...new Set([...BUILTIN_TAGS, ...(item.tags || [])])];
  const boxes = tags.map((tag) => {
    const id = uid('tag');
    return h('span', { class: 'check' }, h('input', { type: 'checkbox', id, value: tag, checked: (item.tags || []).includes(tag) }), h('label', { for: id }, label('tag', tag)));
  });
  const priority = h('select', { id: 'priority-select' }, PRIORITIES.map((p) => h('option', { value: p, selected: p === item.priority }, label('priority', p))));
  const assignee = h('input', { id: 'assignee-input', value: item.assignee || '', autocomplete: 'off' });
  return section('triage',
    h('fieldset', { class: 'tags' }, h('legend', null, t('triage.tags')), boxes),
    field(t('triage.priority'), priority),
    h('button', {
      type: 'button',
      'data-action': 'save-triage',
      onclick: () => act(status, () => api('PATCH', `inbox/${path}`, {
        tags: boxes.map((box) => box.querySelector('input')).filter((box) => box.checked).map((box) => box.value),
        priority: priority.value,
      }), refresh),
    }, t('triage.save')),
    field(t('triage.assignee'), assignee, t('triage.assignee_hint')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => act(status, () => api('PATCH', `inbox/${path}`, { assignee: assignee.value.trim() }), refresh) }, t('triage.assign')),
      h('button', { type: 'button', onclick: () => act(status, () => api('PATCH', `inbox/${path}`, { assignee: me() }), refresh) }, t('triage.assign_me'))),
    status);
}

function moderationPanel(item, path, refresh) {
  if (!can('moderate') && !can('manage')) return null;
  const status = h('p', { class: 'status', role: 'status' });
  const reason = h('input', { id: 'moderation-reason', value: '' });
  let confirmDelete = false;
  const del = h('button', {
    type: 'button',
    class: 'danger',
    'data-action': 'delete',
    onclick: () => {
      if (!confirmDelete) {
        confirmDelete = true;
        del.textContent = t('moderation.delete_confirm');
        return;
      }
      act(status, () => api('DELETE', `reviews/${path}?note=${encodeURIComponent(reason.value || 'console')}`), () => go('inbox'));
    },
  }, t('moderation.delete'));
  return section('moderation',
    h('p', null, t('moderation.status', { status: label('status', item.status) })),
    field(t('moderation.reason'), reason),
    can('moderate') ? h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => act(status, () => api('POST', `reviews/${path}/approve`), refresh) }, t('moderation.approve')),
      h('button', { type: 'button', onclick: () => act(status, () => api('POST', `reviews/${path}/reject`, { reason: reason.value || 'spam' }), refresh) }, t('moderation.reject')),
      h('button', { type: 'button', onclick: () => act(status, () => api('POST', `reviews/${path}/hide`, { reason: reason.value || 'abusive' }), refresh) }, t('moderation.hide'))) : null,
    can('manage') ? del : null,
    status);
}

export function historySection(history) {
  return section('history', h('ol', { class: 'history' }, (history || []).map((event) =>
    h('li', { 'data-kind': event.kind },
      h('span', { class: 'when' }, formatTime(event.time)), ' ',
      h('strong', null, event.actor || ''), ' ',
      badge('kind', label('event', event.action || event.kind)), ' ',
      h('span', null, event.text || '')))));
}

export async function renderItem(main, route, context) {
  const path = encodeURIComponent(route.id);
  const data = await api('GET', `inbox/${path}`);
  const item = data.item;
  if (item.kind === 'question') return renderQuestionItem(main, route, context, data);
  try {
    sessionStorage.setItem('vouch-console-last-item', item.id); // the template editor previews with it
  } catch {
    // storage off: the editor previews without a review
  }
  const refresh = () => context.rerender();
  const status = h('p', { class: 'status', role: 'status' });
  const star = starButton(item, status, refresh);
  const evidence = data.evidence || [];
  fill(
    main,
    h('p', { class: 'back' }, h('a', { href: href('inbox') }, t('item.back'))),
    h('article', { class: 'item', 'data-id': item.id },
      h('header', { class: 'item-head' },
        h('h1', null, item.title || t('item.untitled')),
        h('div', { class: 'row-line' }, stars(item.rating), h('span', { class: 'product' }, item.product_id), star),
        h('p', { class: 'byline' }, t('item.byline', { author: item.author || t('item.anonymous'), time: formatTime(item.created), language: item.language || '?' })),
        h('div', { class: 'row-meta' },
          provenanceBadge(item), tagBadges(item), priorityBadge(item), dueBadge(item),
          badge('state', label('state', item.state), { 'data-state-badge': item.state }),
          badge('status', label('status', item.status)),
          item.spam_risk && item.spam_risk !== 'none' ? badge('flag', t('item.spam', { risk: label('risk', item.spam_risk) })) : null,
          (item.flags || []).map((flag) => badge('flag', label('flag', flag))),
          item.assignee ? badge('assignee', t('item.assignee_short', { name: item.assignee })) : null),
        status),
      h('div', { class: 'item-body' }, String(item.body || '').split(/\n+/).map((para) => h('p', null, para))),
      item.photos && item.photos.length
        ? h('ul', { class: 'photos', 'aria-label': t('item.photos', { n: item.photos.length }) },
          item.photos.map((url, i) => h('li', null, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, h('img', { src: url, alt: t('item.photo_alt', { n: i + 1 }), loading: 'lazy', width: '120', height: '120' })))))
        : null,
      evidence.length
        ? section('evidence', h('ul', { class: 'evidence' }, evidence.map((e) => h('li', null, t('item.evidence_line', { tag: label('tag', e.rule), term: e.term, field: e.field })))))
        : null,
      h('div', { class: 'work' },
        replyPanel(item, path, refresh, route.params.focus === 'reply'),
        resolvePanel(item, path, refresh, route.params.focus === 'resolve'),
        noReplyPanel(item, path, refresh),
        correctPanel(item, path, refresh),
        notesPanel(item, path, refresh),
        moderationPanel(item, path, refresh)),
      historySection(data.history),
    ),
  );
  context.keys = (key) => {
    if (key === 'r') main.querySelector('#reply-text').focus();
    else if (key === 'e') (main.querySelector('[data-action="resolve"]') || main.querySelector('#follow-up-days'))?.focus();
    else if (key === 's') star.click();
    else if (key === 'u' || key === 'Escape') go('inbox');
    else return false;
    return true;
  };
}

/** The item's star toggle (reviews and questions alike): PATCHes `starred`, reports in `status`. */
export function starButton(item, status, refresh) {
  return h('button', {
    type: 'button',
    'aria-pressed': String(Boolean(item.starred)),
    'data-action': 'star',
    onclick: () => act(status, () => api('PATCH', `inbox/${encodeURIComponent(item.id)}`, { starred: !item.starred }), refresh),
  }, t(item.starred ? 'item.unstar' : 'item.star'));
}
