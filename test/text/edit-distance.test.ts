import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editDistance } from '../../src/text/edit-distance.ts';

describe('editDistance', () => {
  test('edit distance', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('same', 'same'), 0);
  });
});
