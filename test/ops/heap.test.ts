import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerMemoryLimit, heapFit, recommendedHeapMiB } from '../../src/ops/heap.ts';

const MiB = 1024 * 1024;
const files = (entries: Record<string, string>) => (path: string) => {
  const text = entries[path];
  if (text === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
  return text;
};

test('the container limit from cgroup v2, else v1; unlimited is no limit', () => {
  assert.equal(containerMemoryLimit(files({ '/sys/fs/cgroup/memory.max': `${384 * MiB}\n` })), 384 * MiB);
  assert.equal(containerMemoryLimit(files({ '/sys/fs/cgroup/memory.max': 'max\n' })), undefined);
  assert.equal(
    containerMemoryLimit(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': `${512 * MiB}` })),
    512 * MiB,
  );
  assert.equal(
    containerMemoryLimit(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712' })),
    undefined,
  );
  assert.equal(containerMemoryLimit(files({})), undefined);
});

test('a heap that may outgrow the container is named, with the flag to set; the shipped pair fits', () => {
  const unsized = heapFit({ limitBytes: 384 * MiB, heapLimitBytes: 4288 * MiB });
  assert.equal(unsized.containerLimitMiB, 384);
  assert.match(unsized.advice ?? '', /NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=8"/);
  assert.equal(heapFit({ limitBytes: 384 * MiB, heapLimitBytes: 172 * MiB }).advice, undefined);
  assert.equal(heapFit({ limitBytes: undefined, heapLimitBytes: 4288 * MiB }).advice, undefined);
  assert.equal(recommendedHeapMiB(384 * MiB), 160);
});
