// Settings (owners): import a file and export the store, with progress and the result.
import { api } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';

function progress(status, text) {
  fill(status, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' ', text);
  status.setAttribute('aria-busy', 'true');
}

function finished(status, text, error = false) {
  status.removeAttribute('aria-busy');
  status.classList.toggle('error', error);
  fill(status, text);
}

export async function renderSettings(main) {
  const importStatus = h('div', { class: 'status', role: 'status', id: 'import-status' });
  const exportStatus = h('div', { class: 'status', role: 'status', id: 'export-status' });
  const importForm = h('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const form = new FormData(event.target);
      const file = form.get('file');
      if (!(file instanceof File) || !file.size) {
        finished(importStatus, t('settings.no_file'), true);
        return;
      }
      progress(importStatus, t('settings.importing', { name: file.name }));
      try {
        const result = await api('POST', `import?format=${encodeURIComponent(form.get('format'))}&partial=${form.get('partial') ? 1 : 0}`, file);
        finished(importStatus, t('settings.imported', { imported: result.imported ?? 0, skipped: result.skipped ?? 0 }));
      } catch (error) {
        // A 422 is the import report itself (nothing committed); a 400 is the error shape.
        const report = error.body || {};
        const first = (report.issues || [])[0];
        const message = report.error ? error.message : first ? `row ${first.row}: ${first.reason}` : error.message;
        finished(importStatus, t('settings.import_failed', { message, skipped: report.skipped ?? 0 }), true);
      }
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'import-file' }, t('settings.file')), h('input', { id: 'import-file', name: 'file', type: 'file', accept: '.csv,.json,text/csv,application/json' })),
  h('div', { class: 'field' }, h('label', { for: 'import-format' }, t('settings.format')),
    h('select', { id: 'import-format', name: 'format' }, ['auto', 'judgeme', 'shopify', 'okendo', 'loox', 'yotpo', 'woocommerce', 'powerreviews', 'vouch-json'].map((f) => h('option', { value: f }, f)))),
  h('div', { class: 'check' }, h('input', { id: 'import-partial', name: 'partial', type: 'checkbox' }), h('label', { for: 'import-partial' }, t('settings.partial'))),
  h('button', { type: 'submit', class: 'primary' }, t('settings.import')));
  const exportForm = h('form', {
    class: 'inline-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const format = new FormData(event.target).get('format');
      progress(exportStatus, t('settings.exporting'));
      try {
        const { blob } = await api('GET', `export?format=${encodeURIComponent(format)}`, undefined, { as: 'blob' });
        const url = URL.createObjectURL(blob);
        const name = format === 'judgeme' ? 'vouch-export.csv' : 'vouch-export.json';
        finished(exportStatus, '');
        fill(exportStatus, t('settings.exported', { size: Math.round(blob.size / 1024) }), ' ', h('a', { href: url, download: name, 'data-download': '' }, t('settings.download', { name })));
      } catch (error) {
        finished(exportStatus, t('error.generic', { message: error.message }), true);
      }
    },
  },
  h('div', { class: 'field' }, h('label', { for: 'export-format' }, t('settings.format')),
    h('select', { id: 'export-format', name: 'format' }, h('option', { value: 'json' }, 'JSON (vouch-export)'), h('option', { value: 'judgeme' }, 'Judge.me CSV'))),
  h('button', { type: 'submit', class: 'primary' }, t('settings.export')));
  fill(main,
    h('h1', null, t('settings.title')),
    h('section', { class: 'panel', 'aria-labelledby': 'import-title' }, h('h2', { id: 'import-title' }, t('settings.import_title')), h('p', null, t('settings.import_intro')), importForm, importStatus),
    h('section', { class: 'panel', 'aria-labelledby': 'export-title' }, h('h2', { id: 'export-title' }, t('settings.export_title')), exportForm, exportStatus));
}
