// What the wasm is made of: section sizes from Debian wabt's wasm-objdump -h.
import { execFileSync } from 'node:child_process';

export function wasmSections(wasmPath) {
  const text = execFileSync('wasm-objdump', ['-h', wasmPath], { encoding: 'utf8' });
  const sections = [];
  for (const match of text.matchAll(/^\s*(\w+)\s+start=0x[0-9a-f]+\s+end=0x[0-9a-f]+\s+\(size=0x([0-9a-f]+)\)/gm)) {
    sections.push({ name: match[1], size: parseInt(match[2], 16) });
  }
  sections.sort((a, b) => b.size - a.size);
  sections.total = sections.reduce((sum, s) => sum + s.size, 0);
  return sections;
}
