// Lines of text as the body of one C string literal, one source line per
// entry ("…\n" each), printable ASCII kept and every other byte as an octal
// escape, so generated tables stay ASCII and byte-exact in any compiler.

/** @param {string[]} lines */
export function cStringLines(lines) {
  return lines
    .map((line) => '    "' + Buffer.from(line + '\n', 'utf8').toString('latin1').replace(/[\\"]/g, '\\$&')
      .replace(/[^\x20-\x7e]/g, (c) => '\\' + c.charCodeAt(0).toString(8).padStart(3, '0')) + '"')
    .join('\n');
}
