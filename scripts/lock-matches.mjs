// Exit 0 when node_modules holds exactly the packages package-lock.json names
// (npm's hidden lock file records what was installed), 1 otherwise.
import { readFileSync } from 'node:fs';

try {
  const wanted = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages;
  const have = JSON.parse(readFileSync('node_modules/.package-lock.json', 'utf8')).packages;
  for (const [path, entry] of Object.entries(wanted)) {
    if (path === '' || entry.optional && !have[path]) continue;
    if (!have[path] || have[path].version !== entry.version) process.exit(1);
  }
  process.exit(0);
} catch {
  process.exit(1);
}
