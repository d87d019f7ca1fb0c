// Reply templates: a list searchable by name and tags, an editor with the
// placeholder list and a preview; the API's refusal of unknown or empty
// placeholders is shown under the body, at the offset it names.
import { api, query } from '../api.js';
import { append, fill, h, uid } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { go, href } from '../router.js';
import { can } from '../session.js';

function templateErrors(error) {
  const list = (error.body && (error.body.errors || (error.body.error && error.body.error.errors))) || [];
  return list;
}

function editor(template, placeholders, done) {
  const editable = can('templates');
  const status = h('p', { class: 'status', role: 'status' });
  const errors = h('div', { id: 'template-errors', class: 'error', role: 'alert' });
  const name = h('input', { id: 'template-name', value: template.name || '', required: true, readonly: !editable });
  const localeInput = h('input', { id: 'template-locale', value: template.locale || 'en', required: true, readonly: !editable, size: '8' });
  const tags = h('input', { id: 'template-tags', value: (template.tags || []).join(', '), readonly: !editable });
  const body = h('textarea', { id: 'template-body', rows: '8', value: template.body || '', 'aria-describedby': 'template-errors template-placeholders', readonly: !editable });
  const preview = h('div', { class: 'preview', 'aria-live': 'polite' });
  const values = () => ({
    name: name.value.trim(),
    locale: localeInput.value.trim(),
    tags: tags.value.split(',').map((tag) => tag.trim()).filter(Boolean),
    body: body.value,
  });
  const showErrors = (error) => {
    const list = templateErrors(error);
    body.setAttribute('aria-invalid', 'true');
    fill(errors, h('p', null, error.message), list.length ? h('ul', null, list.map((e) =>
      h('li', { 'data-error': e.code }, e.offset !== undefined ? t('templates.error_at', { message: e.message, offset: e.offset }) : e.message))) : null);
    if (list.length && list[0].offset !== undefined) body.setSelectionRange(list[0].offset, list[0].offset);
    body.focus();
  };
  const save = async () => {
    fill(errors);
    body.removeAttribute('aria-invalid');
    status.textContent = t('action.working');
    try {
      if (template.id) await api('PUT', `templates/${encodeURIComponent(template.id)}`, values());
      else await api('POST', 'templates', values());
      status.textContent = t('action.done');
      done();
    } catch (error) {
      status.textContent = '';
      if (error.status !== 401) showErrors(error);
    }
  };
  const runPreview = async () => {
    try {
      const reviewId = sessionStorage.getItem('vouch-console-last-item');
      const result = await api('POST', 'templates/preview', reviewId ? { body: body.value, review_id: reviewId } : { body: body.value });
      fill(preview, h('h3', null, t('reply.preview')), h('p', { class: 'preview-text' }, result.text),
        (result.errors || []).length ? h('ul', { class: 'warnings' }, result.errors.map((e) => h('li', null, e.message))) : null);
    } catch (error) {
      if (error.status !== 401) showErrors(error);
    }
  };
  const id = uid('editor');
  return h('section', { class: 'panel editor', 'aria-labelledby': id },
    h('h2', { id }, template.id ? t('templates.edit', { name: template.name }) : t('templates.new')),
    h('div', { class: 'field' }, h('label', { for: 'template-name' }, t('templates.name')), name),
    h('div', { class: 'field' }, h('label', { for: 'template-locale' }, t('templates.locale')), localeInput),
    h('div', { class: 'field' }, h('label', { for: 'template-tags' }, t('templates.tags')), tags),
    h('div', { class: 'field' }, h('label', { for: 'template-body' }, t('templates.body')), body, errors),
    h('div', { id: 'template-placeholders', class: 'placeholders' },
      h('p', null, t('templates.placeholders')),
      h('ul', null, placeholders.map((p) => h('li', null,
        h('button', {
          type: 'button',
          class: 'link',
          disabled: !editable,
          onclick: () => { body.setRangeText(`{${p.name}}`, body.selectionStart, body.selectionEnd, 'end'); body.focus(); },
        }, `{${p.name}}`), ' ', p.description || '')))),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: runPreview }, t('reply.show_preview')),
      editable ? h('button', { type: 'button', class: 'primary', 'data-action': 'save-template', onclick: save }, t('templates.save')) : null,
      editable && template.id ? h('button', { type: 'button', class: 'danger', onclick: async () => {
        try {
          await api('DELETE', `templates/${encodeURIComponent(template.id)}`);
          go('templates');
        } catch (error) {
          status.textContent = error.message;
        }
      } }, t('templates.delete')) : null),
    status, preview);
}

export async function renderTemplates(main, route, context) {
  const q = route.params.q || '';
  const data = await api('GET', `templates${query({ q })}`);
  const templates = data.templates || [];
  const chosen = route.params.id === 'new' ? {} : templates.find((tpl) => String(tpl.id) === route.params.id);
  const search = h('form', {
    role: 'search',
    class: 'inline-form',
    onsubmit: (event) => { event.preventDefault(); go('templates', { q: new FormData(event.target).get('q') }); },
  }, h('label', { for: 'template-q' }, t('templates.search')), h('input', { id: 'template-q', name: 'q', type: 'search', value: q }), h('button', { type: 'submit' }, t('inbox.apply')));
  const list = h('ul', { class: 'template-list' }, templates.map((tpl) =>
    h('li', null, h('a', { href: href('templates', { q, id: tpl.id }), 'aria-current': chosen && chosen.id === tpl.id ? 'true' : null }, tpl.name),
      ' ', h('span', { class: 'meta' }, [tpl.locale, (tpl.tags || []).join(', '), tpl.updated ? formatTime(tpl.updated) : ''].filter(Boolean).join(' · ')))));
  fill(main,
    h('h1', null, t('templates.title')),
    h('div', { class: 'two-columns' },
      h('section', { class: 'panel', 'aria-labelledby': 'templates-list-title' },
        h('h2', { id: 'templates-list-title' }, t('templates.list')),
        search,
        can('templates') ? h('p', null, h('a', { href: href('templates', { id: 'new' }), 'data-action': 'new-template' }, t('templates.new'))) : null,
        templates.length ? list : h('p', null, t('templates.empty'))),
      chosen ? editor(chosen, data.placeholders || [], () => context.rerender()) : h('p', { class: 'hint' }, t('templates.choose'))));
  if (chosen) append(main);
}
