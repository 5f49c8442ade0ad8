/**
 * How this process was started, as a command a person can type again: hints the CLI prints ("Run ...
 * --help", the demo's "Try:" lines) must work as printed, and `exitcode` is on PATH only when installed.
 */
import { basename, delimiter, dirname, isAbsolute, relative, resolve } from 'node:path';

export interface InvocationInput {
  /** process.argv[1]: the script (or the bin link) node was asked to run. */
  script: string | undefined;
  env: Record<string, string | undefined>;
  cwd: string;
}

const quoteIfNeeded = (text: string): string =>
  /^[\w./@:+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;

/** The command prefix that runs exitcode again the same way: "exitcode", "npm run exitcode --", "npx exitcode", "node src/cli/main.ts". */
export const invocationOf = ({ script, env, cwd }: InvocationInput): string => {
  // `npm run exitcode -- ...` (the README's way from a checkout): npm names the script it runs.
  if (env.npm_lifecycle_event === 'exitcode') return 'npm run exitcode --';
  if (script === undefined) return 'exitcode';
  const absolute = isAbsolute(script) ? script : resolve(cwd, script);
  if (basename(absolute) === 'exitcode') {
    const onPath = (env.PATH ?? '')
      .split(delimiter)
      .some((dir) => dir !== '' && resolve(cwd, dir) === dirname(absolute));
    if (onPath) return 'exitcode';
    if (absolute.includes(`node_modules/.bin/`)) return 'npx exitcode';
    return quoteIfNeeded(relative(cwd, absolute) || absolute);
  }
  if (/cli\/main\.(?:ts|js)$/.test(absolute)) {
    const path = relative(cwd, absolute);
    return `node ${quoteIfNeeded(path.startsWith('..') ? absolute : path)}`;
  }
  return 'exitcode';
};
