// @ts-check
// The first layout of a page of reviews spends most of its time finding fonts:
// each character the widget's own font lacks (Han, kana, hangul, ★, emoji) makes
// the browser look up a fallback font the first time it is laid out (on Linux a
// fontconfig query each). A page of Chinese reviews has hundreds of distinct such
// characters: 25–50 ms inside the first frame, which made it a long task (issue 19).
// Before the first render, those characters are laid out in hidden probes, a
// slice per task, so each lookup happens in a short task of its own and the
// first frame finds them cached.
import { nextTask } from './slices.mjs';

const SLICE = 60; // characters per task: a few ms each
const LIMIT = 1200; // distinct characters looked at, at most
const FIRST_OUTSIDE_LATIN = 0x0300; // below: Latin letters and punctuation, in any UI font

/**
 * Distinct characters of `markup`'s text that a UI font may lack.
 * @param {string} markup
 */
function rareCharacters(markup) {
  const seen = new Set();
  for (const char of markup.replace(/<[^>]*>/g, '')) {
    if (char.codePointAt(0) >= FIRST_OUTSIDE_LATIN) seen.add(char);
    if (seen.size >= LIMIT) break;
  }
  return [...seen];
}

/**
 * Lays out the rare characters of `markup` in `root` (so the widget's fonts and
 * language apply), a slice per task. Resolves false when `isCurrent()` turned
 * false meanwhile (the widget was destroyed or restarted).
 * @param {ShadowRoot} root
 * @param {string} markup what the first render will show
 * @param {string} lang the widget's language
 * @param {() => boolean} isCurrent
 */
export async function warmGlyphs(root, markup, lang, isCurrent) {
  const chars = rareCharacters(markup);
  for (let at = 0; at < chars.length; at += SLICE) {
    await nextTask();
    if (!isCurrent()) return false;
    const probe = document.createElement('div');
    probe.className = 'vouch';
    probe.lang = lang;
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:absolute;visibility:hidden;contain:strict;width:1px;height:1px;overflow:hidden';
    probe.textContent = chars.slice(at, at + SLICE).join(' ');
    root.append(probe);
    probe.getBoundingClientRect(); // the layout that looks the fonts up
    probe.remove();
  }
  await nextTask();
  return isCurrent();
}
