// One question (an inbox item of kind "question", issue 17): the question,
// its product and the asker's name (the admin API never sends the asker's
// e-mail, only whether a notice is due), its answers with badge and status,
// the store's answer composer (the reply panel: same templates, placeholders
// and check; the answer is published at once), moderation of the question and
// of each shopper's answer with the neutral reasons, the signed answer links of
// verified buyers to copy or to e-mail (POST …/invites/mail), and the inbox
// panels shared with reviews.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';
import { go, href } from '../router.js';
import { can } from '../session.js';
import { badge, dueBadge, priorityBadge, tagBadges } from './common.js';
import { act, correctPanel, field, historySection, noReplyPanel, replyPanel, section, starButton } from './item.js';

// The sentiment-neutral moderation reasons (app::moderation_reasons on the server).
export const REASONS = ['spam', 'off_topic', 'personal_data', 'abusive', 'illegal', 'duplicate'];

function reasonSelect(id) {
  return h('select', { id }, REASONS.map((r) => h('option', { value: r }, label('reason', r))));
}

/** Approve / reject / hide buttons for `base` (questions/ID or answers/ID) with a reason picker. */
function moderationControls(base, current, status, refresh, idPrefix) {
  if (!can('moderate')) return null;
  const reason = reasonSelect(`${idPrefix}-reason`);
  const post = (action, body) => act(status, () => api('POST', `${base}/${action}`, body), refresh);
  return h('div', { class: 'moderate-controls' },
    field(t('question.reason'), reason),
    h('div', { class: 'actions' },
      current !== 'published' ? h('button', { type: 'button', 'data-moderate': 'approve', onclick: () => post('approve') }, t('moderation.approve')) : null,
      current !== 'rejected' ? h('button', { type: 'button', 'data-moderate': 'reject', onclick: () => post('reject', { reason: reason.value }) }, t('moderation.reject')) : null,
      current !== 'hidden' ? h('button', { type: 'button', 'data-moderate': 'hide', onclick: () => post('hide', { reason: reason.value }) }, t('moderation.hide')) : null));
}

function answerBadge(answer) {
  return badge(`answer-${answer.badge}`, label('answer_badge', answer.badge), { 'data-badge': answer.badge });
}

function answersSection(item, refresh) {
  const answers = item.answers || [];
  if (!answers.length) return section('answers', h('p', { class: 'empty' }, t('question.no_answers')));
  return section('answers', h('ol', { class: 'answers' }, answers.map((answer) => {
    const status = h('p', { class: 'status', role: 'status' });
    // A store answer is the store's own words: no moderation of it here.
    const controls = answer.badge === 'store' ? null
      : moderationControls(`answers/${encodeURIComponent(answer.id)}`, answer.status, status, refresh, `answer-${answer.id}`);
    return h('li', { class: 'answer', 'data-answer': answer.id, 'data-status': answer.status },
      h('p', { class: 'answer-text' }, answer.text),
      h('p', { class: 'byline' },
        t('question.answer_byline', { author: answer.author || answer.by || t('item.anonymous'), time: formatTime(answer.created) })),
      h('div', { class: 'row-meta' },
        answerBadge(answer),
        badge('status', label('status', answer.status), { 'data-answer-status': answer.status }),
        answer.moderation_reason ? badge('flag', label('reason', answer.moderation_reason)) : null,
        (answer.flags || []).map((flag) => badge('flag', label('flag', flag)))),
      controls,
      status);
  })));
}

function questionModeration(item, path, refresh) {
  if (!can('moderate')) return null;
  const status = h('p', { class: 'status', role: 'status' });
  return section('question_moderation',
    h('p', null, t('moderation.status', { status: label('status', item.status) })),
    item.moderation_reason ? h('p', null, t('question.reason_set', { reason: label('reason', item.moderation_reason) })) : null,
    moderationControls(`questions/${path}`, item.status, status, refresh, 'question'),
    status);
}

async function copy(input, status) {
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    // No clipboard permission: select the text so Ctrl+C copies it.
    input.select();
    document.execCommand('copy');
  }
  status.textContent = t('invites.copied');
}

function invitesSection(item, path) {
  const status = h('p', { class: 'status', role: 'status' });
  const list = h('div', { class: 'invites', 'aria-live': 'polite' });
  if (item.status !== 'published') {
    fill(list, h('p', { class: 'hint' }, t('invites.unpublished')));
  } else {
    fill(list, h('p', { class: 'hint' }, t('action.working')));
    api('GET', `questions/${path}/invites`)
      .then((data) => {
        const invites = data.invites || [];
        if (!invites.length) return fill(list, h('p', { class: 'hint' }, t('invites.none')));
        return fill(list, h('ul', { class: 'invite-list' }, invites.map((invite, n) => {
          const id = `invite-${n}`;
          const input = h('input', { id, readonly: true, value: invite.url || invite.token, size: '40' });
          return h('li', { 'data-order': invite.order_id },
            h('label', { for: id, id: `${id}-label` }, t('invites.line', { author: invite.author || t('item.anonymous'), order: invite.order_id, time: formatTime(invite.expires) })),
            h('span', { class: 'copy-row' }, input,
              h('button', { type: 'button', 'data-action': 'copy-invite', 'aria-describedby': `${id}-label`, onclick: () => copy(input, status) }, t('invites.copy'))));
        })));
      })
      .catch((error) => {
        if (error.status === 401) return;
        fill(list, h('p', { class: 'error' }, t('error.generic', { message: error.message })));
      });
  }
  return section('invites', h('p', null, t('invites.intro')), list, status, mailInvites(item, path));
}

// What POST …/invites/mail refuses with, in the owner's words (else the server's message).
const MAIL_REFUSALS = ['question_not_published', 'no_hmac_secret', 'mail_not_configured', 'no_public_url', 'no_product_url'];

/** The counts of an invitation run as sentences: queued first, then each reason something was not sent. */
function mailReport(report) {
  const skipped = report.skipped || {};
  const lines = [t('invites.mail_queued', { count: report.queued || 0 })];
  for (const reason of ['asker', 'unsubscribed', 'already_invited', 'cooldown', 'cap']) {
    if (skipped[reason] > 0) lines.push(t(`invites.skip.${reason}`, { count: skipped[reason] }));
  }
  if (report.without_address > 0) lines.push(t('invites.without_address', { count: report.without_address }));
  return h('ul', { class: 'mail-report', 'data-queued': String(report.queued || 0) }, lines.map((line) => h('li', null, line)));
}

/** "E-mail the buyers": one outbox mail per buyer address, each with its own answer link. */
function mailInvites(item, path) {
  if (!can('respond')) return null;
  const published = item.status === 'published';
  const result = h('div', { class: 'mail-result', role: 'status', 'aria-live': 'polite' });
  const why = h('p', { class: 'hint', id: 'mail-invites-hint' }, t(published ? 'invites.mail_hint' : 'invites.unpublished'));
  const button = h('button', {
    type: 'button',
    'data-action': 'mail-invites',
    'aria-describedby': 'mail-invites-hint',
    disabled: !published,
    onclick: () => {
      button.disabled = true;
      fill(result, h('p', null, t('action.working')));
      api('POST', `questions/${path}/invites/mail`)
        .then((report) => fill(result, mailReport(report)))
        .catch((error) => {
          if (error.status === 401) return;
          const known = MAIL_REFUSALS.includes(error.code);
          fill(result, h('p', { class: 'error', 'data-error': error.code || 'error' },
            known ? t(`invites.refused.${error.code}`) : t('error.generic', { message: error.message })));
        })
        .finally(() => { button.disabled = false; });
    },
  }, t('invites.mail'));
  return h('div', { class: 'mail-invites' }, why, button, result);
}

export function renderQuestionItem(main, route, context, data) {
  const item = data.item;
  const path = encodeURIComponent(item.id);
  const refresh = () => context.rerender();
  const status = h('p', { class: 'status', role: 'status' });
  const star = starButton(item, status, refresh);
  fill(
    main,
    h('p', { class: 'back' }, h('a', { href: href('inbox') }, t('item.back'))),
    h('article', { class: 'item question-item', 'data-id': item.id, 'data-kind': 'question' },
      h('header', { class: 'item-head' },
        h('h1', null, t('question.heading', { product: item.product_id })),
        h('div', { class: 'row-line' }, badge('kind-question', t('item.question_badge'), { 'data-kind-badge': 'question' }), h('span', { class: 'product' }, item.product_id), star),
        h('p', { class: 'byline' }, t('question.byline', { author: item.author || t('item.anonymous'), time: formatTime(item.created), language: item.language || '?' })),
        h('div', { class: 'row-meta' },
          tagBadges(item), priorityBadge(item), dueBadge(item),
          badge('state', label('state', item.state), { 'data-state-badge': item.state }),
          badge('status', label('status', item.status), { 'data-status-badge': item.status }),
          (item.flags || []).map((flag) => badge('flag', label('flag', flag))),
          item.assignee ? badge('assignee', t('item.assignee_short', { name: item.assignee })) : null),
        item.notify ? h('p', { class: 'hint' }, t('question.notify')) : null,
        status),
      h('blockquote', { class: 'item-body question-text' }, String(item.text || '').split(/\n+/).map((para) => h('p', null, para))),
      answersSection(item, refresh),
      h('div', { class: 'work' },
        replyPanel(item, path, refresh, route.params.focus === 'reply', {
          key: 'answer',
          send: (text) => api('POST', `questions/${path}/answers`, { text }),
          initial: '',
          current: null,
          labels: { text: t('question.answer_text'), hint: t('question.answer_hint'), publish: t('question.publish') },
        }),
        questionModeration(item, path, refresh),
        invitesSection(item, path),
        noReplyPanel(item, path, refresh),
        correctPanel(item, path, refresh)),
      historySection(data.history),
    ),
  );
  context.keys = (key) => {
    if (key === 'r') main.querySelector('#reply-text').focus();
    else if (key === 's') star.click();
    else if (key === 'u' || key === 'Escape') go('inbox');
    else return false;
    return true;
  };
}
