// One section of bench/RESULTS.md, written by a bench part that can also run
// alone (`node bench/inbox.mjs`): it replaces only its own section.
import { readFileSync, writeFileSync } from 'node:fs';

/** Replaces the section that starts with `heading` (or adds it before the change log). */
export function spliceSection(text, heading, lines) {
  const section = `${lines.join('\n')}\n`;
  const start = text.indexOf(heading);
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + heading.length);
    return text.slice(0, start) + section + (next >= 0 ? text.slice(next + 1) : '');
  }
  const changes = text.indexOf('## Changes and their measured effect');
  if (changes >= 0) return text.slice(0, changes) + section + '\n' + text.slice(changes);
  return `${text}\n${section}`;
}

/** Writes `lines` (which start with `heading`) into the RESULTS.md at `target`. */
export function writeSection(target, heading, lines) {
  writeFileSync(target, spliceSection(readFileSync(target, 'utf8'), heading, lines));
}
