// Pieces shared by the inbox list and the item page.
import { h } from '../dom.js';
import { formatTime, label, t } from '../i18n.js';

// The core's built-in tags (include/vouch/triage.hpp); a store's own tags show by id.
export const BUILTIN_TAGS = ['quality', 'logistics', 'service', 'fit', 'value', 'packaging', 'suggestion'];
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'];
export const STATES = ['unread', 'open', 'replied', 'resolved', 'followed_up'];
export const STATUSES = ['pending', 'published', 'rejected', 'hidden'];

export function stars(rating) {
  const n = Math.max(0, Math.min(5, Number(rating) || 0));
  return h('span', { class: 'stars', role: 'img', 'aria-label': t('item.stars', { n }) }, '★'.repeat(n) + '☆'.repeat(5 - n));
}

export function badge(kind, text, extra = {}) {
  return h('span', { class: `badge badge-${kind}`, ...extra }, text);
}

export function tagBadges(item) {
  return (item.tags || []).map((tag) => badge('tag', label('tag', tag), { 'data-tag': tag }));
}

export function priorityBadge(item) {
  return badge(`priority-${item.priority}`, label('priority', item.priority), { 'data-priority': item.priority });
}

export function provenanceBadge(item) {
  const p = item.provenance || {};
  const text = p.verification ? label('verification', p.verification) : label('source', p.source || 'unknown');
  return badge('provenance', text, { title: [p.source, p.incentivized ? t('item.incentivized') : ''].filter(Boolean).join(' · ') });
}

export function dueBadge(item) {
  if (item.overdue) return badge('overdue', t('item.overdue'), { 'data-overdue': 'true' });
  if (item.due_at && !item.reply) return badge('due', t('item.due', { time: formatTime(item.due_at) }));
  return null;
}
