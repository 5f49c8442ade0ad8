import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  STDLIB_ADDED_BY_NEWER_PYTHON,
  STDLIB_OF_ANOTHER_PYTHON,
  STDLIB_REMOVED_BY_NEWER_PYTHON,
} from '../../../src/diagnosis/rules/version-clues.ts';

/** The module names inside "No module named '(?:a|b|c)'". */
const modules = (pattern: RegExp): string[] =>
  (/\(\?:(.*)\)'$/.exec(pattern.source)?.[1] ?? '').split('|').map((name) => name.replace(/\\\./g, '.'));

test('the combined stdlib list is exactly the removed and the added lists together', () => {
  const combined = modules(STDLIB_OF_ANOTHER_PYTHON);
  assert.deepEqual(combined, [...modules(STDLIB_REMOVED_BY_NEWER_PYTHON), ...modules(STDLIB_ADDED_BY_NEWER_PYTHON)]);
  for (const name of combined) assert.match(`No module named '${name}'`, STDLIB_OF_ANOTHER_PYTHON);
  assert.doesNotMatch("No module named 'tomli'", STDLIB_OF_ANOTHER_PYTHON, 'the backport is a package');
});
