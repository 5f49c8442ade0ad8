/**
 * Snapshots of every message kind the bot renders, as the mrkdwn text Slack receives (reviewable in a
 * diff), with Block Kit limits and escaping checked on each. Update with --test-update-snapshots after
 * a deliberate change, and read the diff.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiException } from '@kubernetes/client-node';
import { toExitcodeError } from '../../src/cluster/errors.ts';
import { ExitcodeError, userSentence } from '../../src/errors.ts';
import { MODEL_FAILURE_SENTENCES } from '../../src/explain/client.ts';
import { renderNoExplanation } from '../../src/explain/render.ts';
import { assertAllowed } from '../../src/slack/access.ts';
import { renderDetails } from '../../src/slack/blocks/details.ts';
import { renderDiagnosis } from '../../src/slack/blocks/diagnosis.ts';
import { renderSummary, summaryMarkdown, type IncidentSummary } from '../../src/slack/blocks/summary.ts';
import {
  renderDisabledVerb,
  renderNotFound,
  renderPickList,
  renderUnknownVerb,
} from '../../src/slack/blocks/targets.ts';
import { renderError, renderEvents, renderHelp, renderLogs, renderUsage } from '../../src/slack/blocks/thread.ts';
import { OPTIONAL_VERBS } from '../../src/slack/parse.ts';
import { blockViolations } from '../helpers/block-limits.ts';
import { healthy, imagePull, missingEnv, multiContainer, NOW } from './message-fixtures.ts';
import { mrkdwnView, renderedLines } from './mrkdwn-view.ts';

type Message = { text: string; blocks: unknown[] };

const check = (message: Message): string => {
  assert.deepEqual(blockViolations(message.blocks), []);
  return mrkdwnView(message);
};

const summary = (): IncidentSummary => ({
  subject: 'checkout',
  namespace: 'shop',
  pod: 'checkout-7f9c6b4d5-x2x9z',
  cluster: 'demo',
  workload: 'deployment/checkout',
  cause: { title: 'STRIPE_API_KEY is not set', confidence: 88, exit: 'exit 1: terminated with an error' },
  evidence: ['12: Error: STRIPE_API_KEY is required', '[spec] STRIPE_API_KEY is not defined in the container spec'],
  firstCrash: '2026-11-25T11:50:00Z',
  rollout: { revision: '12', at: '2026-11-25T11:48:00Z' },
  restarts: 14,
  actions: [
    {
      what: 'roll back deployment/checkout to revision 11',
      steps: [
        { state: 'requested', at: '2026-11-25T12:05:00Z', who: 'alice', detail: 'the variable came with revision 12' },
        { state: 'approved', at: '2026-11-25T12:06:00Z', who: 'bob' },
        { state: 'done', at: '2026-11-25T12:06:05Z' },
      ],
    },
  ],
  now: {
    at: NOW,
    severity: 'resolved',
    sentence: 'Resolved: the new pod is ready',
    resolvedAt: '2026-11-25T12:08:00Z',
  },
});

describe('the diagnosis message, per severity', () => {
  test('crash-looping: cause first, about 12 lines, no "picked" for one pod, no phase', (t) => {
    const message = renderDiagnosis({ diagnosis: missingEnv(), now: NOW });
    const view = check(message);
    assert.match(
      view.split('\n')[0] as string,
      /^🔴 checkout is crash-looping: STRIPE_API_KEY is not set \(88 %, high\)$/,
    );
    assert.doesNotMatch(view, /picked/);
    assert.doesNotMatch(view, /phase Running/);
    assert.equal(view.split('Error: STRIPE_API_KEY is required').length - 1, 1, 'each evidence line once');
    assert.ok(renderedLines(message) <= 14, `${renderedLines(message)} rendered lines`);
    t.assert.snapshot(view);
  });

  test('the header names what the evidence names, as plain text (no literal backticks)', () => {
    const d = missingEnv();
    const top = d.containers[0];
    assert.ok(top);
    top.classification.best = {
      ...top.classification.best,
      title: 'A Node.js package is not installed',
      subject: 'ioredis',
      headline: 'Node.js module `ioredis` is not installed',
    };
    const message = renderDiagnosis({ diagnosis: d, now: NOW });
    const header = (message.blocks[0] as { text: { text: string } }).text.text;
    assert.equal(header, '🔴 checkout is crash-looping: Node.js module ioredis is not installed (88 %, high)');
    assert.equal(message.metadata?.event_payload.cause, 'Node.js module ioredis is not installed');
    assert.match(
      mrkdwnView(renderDetails({ diagnosis: d })),
      /\*: Node\.js module `ioredis` is not installed \(88 %, high\)/,
    );
  });

  test('a long cause is cut in the header, never the state or the confidence', () => {
    const d = missingEnv();
    const top = d.containers[0];
    assert.ok(top);
    top.classification.best = {
      ...top.classification.best,
      headline: `Killed after its liveness probe failed ${'x'.repeat(300)}`,
    };
    const header = (renderDiagnosis({ diagnosis: d, now: NOW }).blocks[0] as { text: { text: string } }).text.text;
    assert.ok(header.length <= 150, `${header.length}`);
    assert.match(header, /^🔴 checkout is crash-looping: Killed after its liveness probe failed x+… \(88 %, high\)$/);
  });

  test('failing to start: orange, and the command in its own code block', (t) => {
    const view = check(renderDiagnosis({ diagnosis: imagePull(), now: NOW }));
    assert.match(view, /^🟠 web is failing to start: /);
    assert.match(view, /\n```docker manifest inspect registry.example\/web:1.9.0```/);
    t.assert.snapshot(view);
  });

  test('recovering and resolved: the state line, and the time to recover', (t) => {
    const recovering = check(
      renderDiagnosis({
        diagnosis: missingEnv(),
        state: { kind: 'recovering', since: '2026-11-25T12:06:05Z' },
        now: NOW,
      }),
    );
    assert.match(recovering, /^🟡 checkout is recovering/);
    const resolved = check(
      renderDiagnosis({
        diagnosis: healthy(),
        state: { kind: 'resolved', failingSince: '2026-11-25T11:50:00Z', resolvedAt: '2026-11-25T12:08:00Z' },
        now: NOW,
      }),
    );
    assert.match(resolved, /^✅ checkout has recovered/);
    assert.match(resolved, /after 18 min/);
    t.assert.snapshot({ recovering, resolved });
  });

  test('healthy: one green line', (t) => {
    const view = check(renderDiagnosis({ diagnosis: healthy(), now: NOW }));
    assert.match(view, /^✅ checkout is healthy/);
    t.assert.snapshot(view);
  });

  test('several pods, several containers, uncertain: the pick is named and the rest is behind Details', (t) => {
    const message = renderDiagnosis({ diagnosis: multiContainer(), now: NOW });
    const view = check(message);
    assert.match(view, /picked orders-0/);
    assert.match(view, /\(55 %, unsure\)/);
    assert.match(view, /6 more evidence lines/);
    assert.match(view, /also failing: `sidecar`/);
    t.assert.snapshot(view);
  });

  test('details: every evidence line, every step, alternatives and the timeline', (t) => {
    const view = check(renderDetails({ diagnosis: multiContainer() }));
    assert.match(view, /heap line 8/);
    assert.match(view, /Could also be/);
    assert.match(view, /<!date\^\d+\^\{date_short_pretty\} \{time\}\|2026-11-25 10:05 UTC>/);
    t.assert.snapshot(view);
  });
});

describe('thread replies', () => {
  test('logs of a pod whose diagnosis named no container: the upload button stays valid', (t) => {
    const message = renderLogs({
      ref: { namespace: 'shop', pod: 'checkout-1' },
      log: { container: '', previous: false, lines: ['a', 'b'], truncated: false },
    });
    const value = JSON.parse(
      ((message.blocks.at(-1) as { elements: { value: string }[] }).elements[0] as { value: string }).value,
    );
    assert.deepEqual(value, { namespace: 'shop', pod: 'checkout-1' });
    t.assert.snapshot(check(message));
  });

  test('events, help (no "restart: restart"), usage and an error', (t) => {
    const help = renderHelp({
      extraVerbs: [
        { verb: 'restart', help: 'restart: delete this pod so its controller recreates it (needs approval)' },
      ],
      disabledVerbs: ['explain'],
    });
    const view = check(help);
    assert.match(view, /`@exitcode restart`: delete this pod/);
    assert.doesNotMatch(view, /restart`: restart/);
    t.assert.snapshot({
      events: check(
        renderEvents({
          ref: { namespace: 'shop', pod: 'checkout-1' },
          events: [
            {
              type: 'Warning',
              reason: 'BackOff',
              message: 'Back-off restarting',
              count: 9,
              lastSeen: '2026-11-25T12:00:00Z',
            },
          ],
        }),
      ),
      help: view,
      usage: check(renderUsage('Name exactly one pod or workload.')),
      error: check(renderError('This channel may not query namespace kube-system.')),
    });
  });

  test('summary in Slack and as Markdown, in order, with no emoji code inside a code block', (t) => {
    const slack = check(renderSummary({ summary: summary() }));
    const markdown = summaryMarkdown({ summary: summary() });
    for (const fenced of [...slack.matchAll(/```([\s\S]*?)```/g)])
      assert.doesNotMatch(fenced[1] as string, /:[a-z_]+:/);
    assert.doesNotMatch(markdown, /:[a-z_]+:/);
    const order = ['rolled out', 'first recorded crash', 'requested', 'approved', 'done', 'resolved'];
    const at = order.map((word) => markdown.indexOf(word));
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'oldest first',
    );
    assert.match(markdown, /\*\*Duration:\*\* 18 min/);
    assert.match(markdown, /\*\*Who acted:\*\* alice, bob/);
    t.assert.snapshot({ slack, markdown });
  });
});

describe('finding the target and verbs', () => {
  test('several namespaces: a short list of buttons', (t) => {
    const view = check(
      renderPickList({
        name: 'checkout',
        matches: [
          { namespace: 'shop', kind: 'Deployment', name: 'checkout', target: 'deploy/checkout' },
          { namespace: 'shop-staging', kind: 'Deployment', name: 'checkout', target: 'deploy/checkout' },
        ],
      }),
    );
    assert.match(view, /\[shop\/deploy\/checkout\] \[shop-staging\/deploy\/checkout\]/);
    t.assert.snapshot(view);
  });

  test('none: did-you-mean as buttons, and the namespaces that could not be read', (t) => {
    const view = check(
      renderNotFound({
        name: 'chekout',
        namespaces: ['shop', 'payments', 'secret-ns'],
        suggestions: [{ namespace: 'shop', kind: 'Deployment', name: 'checkout', target: 'deploy/checkout' }],
        unreadable: [
          {
            namespace: 'secret-ns',
            error: new ExitcodeError('forbidden', 'The service account may not list pods in secret-ns.'),
          },
        ],
      }),
    );
    assert.match(view, /\[shop\/deploy\/checkout\]/);
    assert.match(view, /Not searched: secret-ns/);
    t.assert.snapshot(view);
  });

  test('an unknown verb: did-you-mean buttons and help; a disabled verb: what enables it', (t) => {
    const unknown = check(
      renderUnknownVerb({
        word: 'sumary',
        suggestions: ['summary'],
        ref: { namespace: 'shop', pod: 'checkout-1' },
        help: renderHelp(),
      }),
    );
    assert.match(unknown, /Did you mean `summary`\?\n\[summary\]/);
    const restart = check(renderDisabledVerb(OPTIONAL_VERBS.restart as string));
    assert.match(restart, /EXITCODE_POLICY_FILE/);
    const explain = check(renderDisabledVerb(OPTIONAL_VERBS.explain as string));
    assert.match(explain, /OPENAI_API_KEY/);
    t.assert.snapshot({ unknown, restart, explain });
  });

  test('a plain word in a thread that is no verb: how to name a workload of that name', () => {
    const view = check(renderUnknownVerb({ word: 'checkout', suggestions: [], help: renderHelp() }));
    assert.match(
      view,
      /^:grey_question: I do not know `checkout`\. To diagnose something called checkout, name its kind: `@exitcode deploy\/checkout`/,
    );
  });

  test('hostile names stay escaped in every target message', () => {
    const hostile = '<!channel>';
    for (const message of [
      renderNotFound({ name: hostile, namespaces: ['*'], suggestions: [] }),
      renderUnknownVerb({ word: hostile, suggestions: [], help: renderHelp() }),
    ]) {
      assert.deepEqual(blockViolations(message.blocks), []);
      assert.ok(!JSON.stringify(message.blocks).includes('<!channel>'));
    }
  });
});

describe('every error the bot answers with', () => {
  const sentenceOf = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      return userSentence(error);
    }
    throw new Error('expected a refusal');
  };

  test('cluster, access, input and model errors: one sentence each, escaped, within limits', (t) => {
    const cluster = (status: number, verb = 'list', resource = 'pods', name?: string) =>
      userSentence(
        toExitcodeError(new ApiException(status, 'message with headers', {}, {}), {
          verb,
          resource,
          namespace: 'shop',
          ...(name ? { name } : {}),
        }),
      );
    const errors: Record<string, string> = {
      notAllowed: sentenceOf(() =>
        assertAllowed({
          access: { defaultNamespaces: ['shop'], channels: {} },
          channelId: 'C1',
          namespace: 'kube-system',
        }),
      ),
      forbidden: cluster(403),
      notFound: cluster(404, 'get', 'pods', 'checkout-7f9c6b4d5-x2x9z'),
      serverError: cluster(500),
      unreachable: userSentence(
        toExitcodeError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), {
          verb: 'list',
          resource: 'pods',
        }),
      ),
      unknown: userSentence(new Error('boom with a stack')),
    };
    const rendered = Object.fromEntries(
      Object.entries(errors).map(([name, sentence]) => [name, check(renderError(sentence))]),
    );
    const model = Object.fromEntries(
      Object.entries(MODEL_FAILURE_SENTENCES).map(([kind, sentence]) => [kind, check(renderNoExplanation(sentence))]),
    );
    const disabled = Object.fromEntries(
      Object.entries(OPTIONAL_VERBS).map(([verb, sentence]) => [verb, check(renderDisabledVerb(sentence))]),
    );
    for (const text of [...Object.values(rendered), ...Object.values(model)]) {
      assert.doesNotMatch(text, /message with headers|boom with a stack|ECONNREFUSED/);
    }
    t.assert.snapshot({ rendered, model, disabled });
  });
});
