/**
 * The source is plain text: no control character but tab and newline. A script that writes a regex
 * into a file can turn `\b` into a backspace, and the pattern then silently never matches.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));

test('no source file under src/ or test/ holds a raw control character (a regex escape written as a byte)', () => {
  const offenders: string[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('test')]) {
    const text = readFileSync(file, 'utf8');
    const found = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(text);
    if (found) {
      const line = text.slice(0, found.index).split('\n').length;
      offenders.push(`${file}:${line} (0x${found[0].charCodeAt(0).toString(16).padStart(2, '0')})`);
    }
  }
  assert.deepEqual(offenders, []);
});
