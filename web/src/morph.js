// @ts-check
// A part of the view (the summary, the controls) brought to the core's fresh
// markup in place, when only attributes or text changed (a pressed filter, a
// count, the chosen sort): the elements stay, so does the focus in them (the
// search box), and style and layout are redone only where something changed.
// Form state follows the markup the way a re-created control would show it: an
// input whose rendered value changed takes it (text typed into one whose value
// did not change is kept); an option is selected when its markup says so.

const ELEMENT = 1;
const TEXT = 3;

/**
 * @param {Element} old the live part
 * @param {Element} fresh the same part parsed from the core's new markup (same tag)
 */
export function morph(old, fresh) {
  const valueWas = old.getAttribute('value');
  for (const { name, value } of fresh.attributes) if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  for (const { name } of [...old.attributes]) if (!fresh.hasAttribute(name)) old.removeAttribute(name);
  if (old instanceof HTMLInputElement && valueWas !== old.getAttribute('value')) old.value = old.defaultValue;
  if (old instanceof HTMLOptionElement && old.selected !== old.defaultSelected) old.selected = old.defaultSelected;
  const before = old.childNodes;
  const after = fresh.childNodes;
  if (before.length !== after.length) {
    old.replaceChildren(...after);
    return;
  }
  for (let i = after.length - 1; i >= 0; i--) {
    const was = before[i];
    const now = after[i];
    if (was.nodeType === TEXT && now.nodeType === TEXT) {
      if (was.nodeValue !== now.nodeValue) was.nodeValue = now.nodeValue;
    } else if (was.nodeType === ELEMENT && now.nodeType === ELEMENT && was.nodeName === now.nodeName) {
      morph(/** @type {Element} */ (was), /** @type {Element} */ (now));
    } else {
      old.replaceChild(now, was);
    }
  }
}
