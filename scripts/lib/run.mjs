// Small process helpers shared by the build, test and bench scripts.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs a command in the repo root, inheriting stdio; throws on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const error = new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
  return result;
}

/** Like run(), but returns false instead of throwing when the command fails. */
export function runOk(command, args, options = {}) {
  try {
    run(command, args, options);
    return true;
  } catch (error) {
    console.error(error.message);
    return false;
  }
}
