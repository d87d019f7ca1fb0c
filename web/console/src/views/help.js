// The keyboard help dialog (?): a native modal <dialog>, so focus is trapped
// and Escape closes it.
import { h } from '../dom.js';
import { t } from '../i18n.js';

const KEYS = [['j', 'help.j'], ['k', 'help.k'], ['o', 'help.o'], ['r', 'help.r'], ['e', 'help.e'], ['s', 'help.s'], ['?', 'help.question']];

export function helpDialog() {
  const close = h('button', { type: 'button', 'data-action': 'close-help', onclick: () => dialog.close() }, t('help.close'));
  const dialog = h('dialog', { class: 'help', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title' }, t('help.title')),
    h('p', null, t('help.intro')),
    h('dl', { class: 'keys' }, KEYS.map(([key, text]) => [h('dt', null, h('kbd', null, key)), h('dd', null, t(text))])),
    close);
  return dialog;
}
