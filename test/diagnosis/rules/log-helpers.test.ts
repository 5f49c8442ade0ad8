/**
 * The shared log helpers: what counts as a later recovery. Advice printed after an error ("1. Ensuring
 * your database is available") names the fix; it must not read as a successful connection, nor may a line
 * of another container's output pasted after its own `kubectl logs` command. And the whole-log filter that
 * spares most signatures their line-by-line pass finds every line a pattern matches.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dependencyUnreachable } from '../../../src/diagnosis/rules/dependency-unreachable.ts';
import { matchSignatures, recoveredAfter, type Signature } from '../../../src/diagnosis/rules/log-helpers.ts';
import { contextFor } from './helpers.ts';

const REFUSED =
  '10:02:11.204 [error] Postgrex.Protocol (#PID<0.2412.0>) failed to connect: ** (DBConnection.ConnectionError) tcp connect (db.shop.svc:5432): connection refused - :econnrefused';

// Ecto's DBConnection help, printed under the error on every pool timeout.
const ECTO_ADVICE = [
  '** (DBConnection.ConnectionError) connection not available and request was dropped from queue after 2980ms. This means requests are coming in and your connection pool cannot serve them fast enough. You can address this by:',
  '',
  '  1. Ensuring your database is available and that you can connect to it',
  '  2. Tracking down slow queries and making sure they are running fast enough',
  '  3. Increasing the pool_size (although this increases resource consumption)',
].join('\n');

const recovered = (log: string): boolean => {
  const ctx = contextFor({ name: 'recovery', log, exitCode: 1 });
  const first = ctx.log.lines[0];
  assert.ok(first);
  return recoveredAfter(ctx, first);
};

describe('recoveredAfter', () => {
  const cases: { name: string; after: string; recovered: boolean }[] = [
    { name: 'a later connection', after: '10:02:14.530 [info] Connected to database db.shop.svc', recovered: true },
    { name: 'the database reported ready', after: '10:02:14.530 [info] Database is available', recovered: true },
    { name: 'numbered advice (Ecto)', after: ECTO_ADVICE, recovered: false },
    { name: 'bulleted advice', after: '  - the database is available on the network', recovered: false },
    { name: 'bulleted advice (•)', after: '• Database is up and reachable from the pod', recovered: false },
    { name: 'advice without a bullet', after: 'Make sure the database is available and try again', recovered: false },
    { name: 'advice to verify', after: 'Please verify that the database is ready', recovered: false },
    { name: "an app's own lower-case words", after: '{"level":"info","msg":"redis client ready"}', recovered: true },
    { name: 'a lower-case consumer connected', after: 'info: kafka consumer connected', recovered: true },
    { name: 'not ready is no recovery', after: 'warn: redis client not ready, retrying', recovered: false },
    {
      name: "a sidecar's ready line pasted after its own kubectl logs command is another container's",
      after:
        '$ kubectl logs orders-6b9f-zt4wm -c pgbouncer\n2024-04-22 11:03:18.020 UTC [1] LOG listening on 127.0.0.1:5432',
      recovered: false,
    },
    {
      name: 'the same container recovering before the next pasted section still counts',
      after: '10:02:14.530 [info] Connected to database db.shop.svc\n$ kubectl logs orders-6b9f-zt4wm -c pgbouncer',
      recovered: true,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.equal(recovered(`${REFUSED}\n${c.after}`), c.recovered);
    });
  }
});

describe('a recoverable rule reads advice as no recovery', () => {
  test('the refusal still counts when only Ecto advice follows it', () => {
    const finding = dependencyUnreachable.match(contextFor({ name: 'ecto', log: `${REFUSED}\n${ECTO_ADVICE}` }));
    assert.ok(finding, 'the refusal is still the finding');
    assert.equal(finding.category, 'dependency_unreachable');
  });

  test('a real later connection still voids the refusal', () => {
    const log = `${REFUSED}\n${ECTO_ADVICE}\n10:02:20.118 [info] Connected to database db.shop.svc`;
    assert.equal(dependencyUnreachable.match(contextFor({ name: 'ecto-recovered', log })), null);
  });
});

describe('the whole-log filter before the line-by-line pass', () => {
  const signature = (pattern: RegExp): Signature => ({ all: [pattern], confidence: 0.8, title: 'test' });
  const hitLine = (pattern: RegExp, log: string, status?: string): string | undefined =>
    matchSignatures(contextFor({ name: 'filter', log, exitCode: 1, message: status }), [signature(pattern)], {
      status: status !== undefined,
    })?.line.text;

  const cases: { name: string; pattern: RegExp; log: string; status?: string; line: string | undefined }[] = [
    {
      name: 'anchors match a middle line',
      pattern: /^fatal: (\w+) missing$/,
      log: 'booting\nfatal: key missing\nbye',
      line: 'fatal: key missing',
    },
    {
      // The next line's first character is whitespace to a lookahead that sees past the join.
      name: 'a negative lookahead at the end of a line',
      pattern: /\bmissing(?!\s)/,
      log: 'fatal: missing\n  at main()',
      line: 'fatal: missing',
    },
    {
      name: 'a negative lookbehind at the start of a line',
      pattern: /(?<!\s)ERROR\b/,
      log: 'starting\nERROR boot failed',
      line: 'ERROR boot failed',
    },
    {
      name: 'a case-insensitive pattern',
      pattern: /^out of memory$/i,
      log: 'ok\nOUT OF MEMORY',
      line: 'OUT OF MEMORY',
    },
    {
      name: 'a pattern found only in the status message',
      pattern: /^exec: "app": executable file not found/,
      log: '',
      status: 'exec: "app": executable file not found in $PATH',
      line: 'exec: "app": executable file not found in $PATH',
    },
    { name: 'no line at all', pattern: /^fatal: key missing$/, log: 'fatal: key\nmissing', line: undefined },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.equal(hitLine(c.pattern, c.log, c.status), c.line);
    });
  }
});
