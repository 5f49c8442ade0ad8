import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderDetails } from '../../src/slack/blocks/details.ts';
import { renderDiagnosis } from '../../src/slack/blocks/diagnosis.ts';
import { codeBlock, escapeMrkdwn } from '../../src/slack/blocks/text.ts';
import { renderSummary } from '../../src/slack/blocks/summary.ts';
import { renderEvents, renderLogs } from '../../src/slack/blocks/thread.ts';
import { button } from '../../src/slack/blocks/diagnosis.ts';
import { decodeRef, refFromMetadata } from '../../src/slack/ids.ts';
import type { ContainerDiagnosis } from '../../src/diagnosis/types.ts';
import { containerDiagnosis, diagnosis, finding } from '../fixtures/diagnoses.ts';
import { blockViolations } from '../helpers/block-limits.ts';

const HOSTILE = [
  'user <!channel> please look',
  'ping <@U0123ABC> and <!here> and <!subteam^S1|@oncall>',
  'go to <https://evil.example/login|click here> now',
  'a fence ``` breaks out ``` here and ```` four',
  'AT&T said 1 < 2 > 0',
];

const allText = (blocks: unknown[]): string => JSON.stringify(blocks);

describe('escaping', () => {
  test('escapeMrkdwn escapes the three control characters', () => {
    assert.equal(escapeMrkdwn('<!channel> & <@U1>'), '&lt;!channel&gt; &amp; &lt;@U1&gt;');
  });

  test('hostile log lines cannot mention, link or break the fence anywhere in a diagnosis', () => {
    const best = finding({
      title: 'Crash <!channel>',
      evidence: HOSTILE.map((text, i) => ({ line: i + 1, text, source: 'log' as const })),
    });
    const d = diagnosis({
      pod: 'api-1',
      containers: [containerDiagnosis({ best, container: 'app' })],
      selectedBecause: 'picked <@U1>',
    });
    const message = renderDiagnosis({ diagnosis: d });
    assert.deepEqual(blockViolations(message.blocks), []);
    // The header is plain_text, which Slack never parses for mentions or links: only mrkdwn must be escaped.
    assert.equal((message.blocks[0] as { text: { type: string } }).text.type, 'plain_text');
    const json = allText(message.blocks.slice(1));
    assert.ok(!json.includes('<!channel>') && !json.includes('<@U0123ABC>') && !json.includes('<https://evil'));
    assert.ok(json.includes('&lt;!channel&gt;'));
    assert.ok(!message.text.includes('<'), 'the fallback text is escaped too');
    const evidence = message.blocks.find((b) => b.type === 'section' && JSON.stringify(b).includes('```')) as {
      text: { text: string };
    };
    assert.equal(evidence.text.text.split('```').length - 1, 2, 'exactly one fenced block');
    const details = renderDetails({ diagnosis: d });
    assert.deepEqual(blockViolations(details.blocks), []);
    assert.ok(!allText(details.blocks).includes('<!channel>'));
  });

  test('secrets are redacted before rendering', () => {
    const best = finding({
      evidence: [{ line: 3, text: 'connecting with password=hunter2supersecret to db', source: 'log' }],
    });
    const message = renderDiagnosis({ diagnosis: diagnosis({ containers: [containerDiagnosis({ best })] }) });
    assert.ok(!allText(message.blocks).includes('hunter2supersecret'));
    const logs = renderLogs({
      ref: { namespace: 'shop', pod: 'api-1' },
      log: {
        container: 'app',
        previous: true,
        truncated: false,
        lines: ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl'],
      },
    });
    assert.ok(!allText(logs.blocks).includes('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0'));
  });
});

describe('limits', () => {
  test('a huge log is cut with a marker and stays within a section', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(200)}`);
    const message = renderLogs({
      ref: { namespace: 'shop', pod: 'api-1' },
      log: { container: 'app', previous: true, truncated: true, lines },
    });
    assert.deepEqual(blockViolations(message.blocks), []);
    const json = allText(message.blocks);
    assert.match(json, /… \d+ more lines/);
    assert.ok(json.includes('line 4999 '), 'the tail is kept: the end of a log explains the crash');
  });

  test('one enormous line is clipped, not dropped', () => {
    const block = codeBlock({ lines: ['y'.repeat(100_000)] });
    assert.ok(block.length < 3000);
    assert.ok(block.includes('…'));
  });

  test('40 containers with huge evidence: within limits, "+N more containers"', () => {
    const containers = Array.from({ length: 40 }, (_, i) =>
      containerDiagnosis({
        container: `sidecar-${i}`,
        best: finding({
          title: 'T'.repeat(5000),
          evidence: Array.from({ length: 400 }, (_, j) => ({
            line: j,
            text: `<!channel> ${'e'.repeat(300)}`,
            source: 'log' as const,
          })),
          nextSteps: Array.from({ length: 30 }, () => `kubectl ${'s'.repeat(900)}`),
        }),
        alternatives: [finding({ confidence: 0.3 }), finding({ confidence: 0.2 })],
      }),
    );
    const d = diagnosis({
      pod: `p-${'a'.repeat(240)}`,
      namespace: 'n'.repeat(63),
      cluster: 'c'.repeat(200),
      containers,
      missing: Array.from({ length: 20 }, () => ({ what: 'w'.repeat(500), why: 'y' })),
    });
    const message = renderDiagnosis({
      diagnosis: d,
      extraButtons: Array.from({ length: 40 }, (_, i) =>
        button({ text: 'B'.repeat(200), actionId: `x${i}${'a'.repeat(300)}`, value: 'v'.repeat(5000) }),
      ),
    });
    assert.deepEqual(blockViolations(message.blocks), []);
    assert.match(allText(message.blocks), /also failing: `sidecar-1`.* and 34 more/);
    const details = renderDetails({ diagnosis: d });
    assert.deepEqual(blockViolations(details.blocks), []);
    assert.match(allText(details.blocks), /\+35 more failing containers/);
    assert.equal(message.blocks.at(-1)?.type, 'actions', 'the buttons survive any cut');
    assert.ok(message.text.length <= 3000);
  });

  test('many events: the latest are shown with a count', () => {
    const events = Array.from({ length: 300 }, (_, i) => ({
      type: 'Warning',
      reason: 'BackOff',
      message: `restart ${i} <@U1>`,
      count: i,
      lastSeen: `t${i}`,
    }));
    const message = renderEvents({ ref: { namespace: 'shop', pod: 'api-1' }, events });
    assert.deepEqual(blockViolations(message.blocks), []);
    assert.match(allText(message.blocks), /latest 25 of 300/);
  });

  test('summary of a long incident stays within limits, escaped', () => {
    const steps = Array.from({ length: 500 }, (_, i) => ({
      state: 'requested',
      at: `2026-11-25T12:${String(i % 60).padStart(2, '0')}:00Z`,
      who: 'alice <!here>',
      detail: `tried ${i} ${'`'.repeat(3)} <!here>`,
    }));
    const message = renderSummary({
      summary: {
        subject: 'api',
        namespace: 'shop',
        pod: 'api-1',
        evidence: Array.from({ length: 300 }, () => `<!channel> ${'e'.repeat(400)}`),
        actions: [{ what: 'restart <!channel>', steps }],
        now: { at: '2026-11-25T13:00:00Z', severity: 'crash_looping', sentence: 'Still failing' },
      },
    });
    assert.deepEqual(blockViolations(message.blocks), []);
    assert.ok(!allText(message.blocks).includes('<!here>'));
  });
});

describe('diagnosis message content', () => {
  test('header, exit meaning, cause, confidence, evidence, next steps, context and buttons', () => {
    const message = renderDiagnosis({ diagnosis: diagnosis() });
    const json = allText(message.blocks);
    assert.equal(message.blocks[0]?.type, 'header');
    assert.match(
      json,
      /🔴 checkout is crash-looping: Out of memory: the container exceeded its 256Mi limit \(92 %, high\)/,
    );
    assert.match(
      json,
      /Container `app` of pod `shop\/checkout-7f9c6b4d5-x2x9z` · exit 137: killed by SIGKILL \(memory limit: OOMKilled\)/,
    );
    assert.match(json, /OutOfMemoryError/);
    assert.match(json, /```kubectl set resources -n shop deployment\/checkout -c app --limits=memory=512Mi```/);
    assert.match(
      json,
      /7 restarts · last crash <!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-11-25 11:58 UTC> \(2 min ago\) · deployment\/checkout revision 12/,
    );
    const actions = message.blocks.at(-1) as { elements: { action_id: string; value: string }[] };
    assert.deepEqual(
      actions.elements.map((e) => e.action_id),
      ['exitcode_show_logs', 'exitcode_show_events', 'exitcode_show_details', 'exitcode_rediagnose'],
    );
    assert.deepEqual(decodeRef(actions.elements[0]?.value), {
      namespace: 'shop',
      pod: 'checkout-7f9c6b4d5-x2x9z',
      cluster: 'demo',
      uid: '6d0c3a52-8f1e-4c9b-9a39-2f1f0c4c7e11',
      container: 'app',
    });
    assert.deepEqual(refFromMetadata(message.metadata), decodeRef(actions.elements[0]?.value));
    assert.match(message.text, /^🔴 checkout is crash-looping: Out of memory/);
  });

  test('the exit line never repeats the code or the reason its summary already says', () => {
    const line = (exit: ContainerDiagnosis['classification']['exit']) => {
      const container = containerDiagnosis();
      const message = renderDiagnosis({
        diagnosis: diagnosis({ containers: [{ ...container, classification: { ...container.classification, exit } }] }),
      });
      return allText(message.blocks).match(/`app` of pod `[^`]*` · ([^"\\]*)"/)?.[1];
    };
    assert.equal(
      line({ code: 127, reason: 'Error', signal: null, summary: 'exit 127: command not found', detail: 'd' }),
      'exit 127: command not found',
    );
    assert.equal(
      line({
        code: null,
        reason: 'ImagePullBackOff',
        signal: null,
        summary: 'the image cannot be pulled (ImagePullBackOff)',
        detail: 'd',
      }),
      'the image cannot be pulled (ImagePullBackOff)',
    );
  });

  test('a next step’s command is in its own code block, without the prose around it', () => {
    const steps = [
      'Set it: kubectl set env -n shop deployment/checkout KEY=<value> (or add it to the Secret it comes from)',
      'Watch usage climb (kubectl top pod -n shop api-1 --containers)',
      "Check it: kubectl get pod -n shop api-1 -o jsonpath='{.spec.containers[*].env}'",
    ];
    const message = renderDiagnosis({
      diagnosis: diagnosis({ containers: [containerDiagnosis({ best: finding({ nextSteps: steps }) })] }),
    });
    const text = allText(
      renderDetails({
        diagnosis: diagnosis({ containers: [containerDiagnosis({ best: finding({ nextSteps: steps }) })] }),
      }).blocks,
    );
    assert.ok(
      text.includes(
        '• Set it (or add it to the Secret it comes from)\\n```kubectl set env -n shop deployment/checkout KEY=&lt;value&gt;```',
      ),
      text,
    );
    assert.ok(text.includes('• Watch usage climb\\n```kubectl top pod -n shop api-1 --containers```'), text);
    assert.ok(
      text.includes("• Check it\\n```kubectl get pod -n shop api-1 -o jsonpath='{.spec.containers[*].env}'```"),
      text,
    );
    assert.match(allText(message.blocks), /```kubectl set env/);
  });

  test('alternatives only when the top cause is uncertain', () => {
    const alt = finding({ title: 'Memory leak after the new release', confidence: 0.4 });
    const sure = renderDiagnosis({
      diagnosis: diagnosis({ containers: [containerDiagnosis({ alternatives: [alt] })] }),
    });
    assert.doesNotMatch(allText(sure.blocks), /other possible causes/);
    const unsure = renderDiagnosis({
      diagnosis: diagnosis({
        containers: [containerDiagnosis({ best: finding({ confidence: 0.5 }), alternatives: [alt] })],
      }),
    });
    assert.match(allText(unsure.blocks), /other possible causes: \*Details\*/);
    const details = renderDetails({
      diagnosis: diagnosis({
        containers: [containerDiagnosis({ best: finding({ confidence: 0.5 }), alternatives: [alt] })],
      }),
    });
    assert.match(allText(details.blocks), /Could also be:\* Memory leak after the new release \(40 %, unsure\)/);
  });

  test('a healthy pod says so', () => {
    const message = renderDiagnosis({ diagnosis: diagnosis({ healthy: true, containers: [] }) });
    assert.match(allText(message.blocks), /✅ checkout is healthy/);
    assert.match(allText(message.blocks), /No container of pod `shop\/checkout-7f9c6b4d5-x2x9z` is failing/);
    assert.deepEqual(blockViolations(message.blocks), []);
  });

  test('forged button values are refused', () => {
    assert.equal(decodeRef('{"namespace":"../x","pod":"a"}'), undefined);
    assert.equal(decodeRef('not json'), undefined);
    assert.equal(decodeRef('{"namespace":"shop"}'), undefined);
    assert.equal(refFromMetadata({ event_type: 'other', event_payload: { namespace: 'a', pod: 'b' } }), undefined);
  });
});
