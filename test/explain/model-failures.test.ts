/**
 * Each way the model can fail gets its own sentence (authentication, quota, rate limit, unknown model,
 * a refused parameter, an unparsable reply), through the real openai SDK with nock as the endpoint;
 * and a reasoning model that refuses max_tokens and temperature is asked again with
 * max_completion_tokens and no temperature, once, and remembered.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import nock from 'nock';
import {
  createExplainer,
  type ExplainFailure,
  type Explanation,
  isExplainFailure,
} from '../../src/explain/explainer.ts';
import { MODEL_FAILURE_SENTENCES } from '../../src/explain/client.ts';
import { renderNoExplanation } from '../../src/explain/render.ts';
import { containerDiagnosis, diagnosis } from '../fixtures/diagnoses.ts';

const BASE = 'http://127.0.0.1:18090';
const PATH = '/v1/chat/completions';

const REPLY = {
  summary: 'The JVM ran out of heap.',
  likelyCause: 'The Java heap is too small.',
  category: 'oom_killed',
  evidenceLines: [],
  suggestedSteps: ['Raise the memory limit of the checkout Deployment.'],
  confidence: 0.8,
};

const completion = (content: string) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion',
  created: 1_764_072_000,
  model: 'test-model',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
});

let bodies: Record<string, unknown>[] = [];
const model = () =>
  nock(BASE).post(PATH, (body: Record<string, unknown>) => {
    bodies.push(body);
    return true;
  });

const explainer = () =>
  createExplainer({
    settings: {
      apiKey: 'sk-test-0000000000000000000000',
      baseUrl: `${BASE}/v1`,
      model: 'test-model',
      anonymize: false,
      cacheTtlMs: 60_000,
      maxTokens: 800,
      timeoutMs: 5000,
      maxRetries: 0,
    },
    clock: () => new Date('2026-11-25T12:00:00Z'),
    logger: { info: () => {}, warn: () => {} },
  });

const ask = async (
  e = explainer(),
  image = 'registry.example/shop/checkout:1.4.2',
): Promise<Explanation | ExplainFailure> => {
  const result = await e.explainOrWhy?.({ diagnosis: diagnosis({ containers: [containerDiagnosis({ image })] }) });
  assert.ok(result);
  return result;
};

beforeEach(() => {
  bodies = [];
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('model failures, one sentence each', () => {
  const cases: { name: string; status: number; body: unknown; sentence: string }[] = [
    {
      name: 'a rejected key',
      status: 401,
      body: { error: { message: 'Incorrect API key' } },
      sentence: MODEL_FAILURE_SENTENCES.authentication,
    },
    {
      name: 'an exhausted quota',
      status: 429,
      body: {
        error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' },
      },
      sentence: MODEL_FAILURE_SENTENCES.quota,
    },
    {
      name: 'a rate limit',
      status: 429,
      body: { error: { message: 'Rate limit reached', code: 'rate_limit_exceeded' } },
      sentence: MODEL_FAILURE_SENTENCES.rate_limited,
    },
    {
      name: 'an unknown model',
      status: 404,
      body: { error: { message: 'The model does not exist', code: 'model_not_found' } },
      sentence: MODEL_FAILURE_SENTENCES.model_not_found,
    },
    {
      name: 'a failing endpoint',
      status: 503,
      body: { error: { message: 'overloaded' } },
      sentence: MODEL_FAILURE_SENTENCES.unavailable,
    },
  ];
  for (const { name, status, body, sentence } of cases) {
    test(`${name}: "${sentence.slice(0, 50)}…"`, async () => {
      const scope = model().reply(status, body);
      const result = await ask();
      assert.ok(scope.isDone());
      assert.ok(isExplainFailure(result));
      assert.equal(result.sentence, sentence);
    });
  }

  test('the sentences differ from each other and name what to fix', () => {
    const sentences = Object.values(MODEL_FAILURE_SENTENCES);
    assert.equal(new Set(sentences).size, sentences.length);
    assert.match(MODEL_FAILURE_SENTENCES.authentication, /OPENAI_API_KEY/);
    assert.match(MODEL_FAILURE_SENTENCES.model_not_found, /EXITCODE_MODEL/);
  });

  test('an unparsable reply has its own sentence, and the thread message carries it', async () => {
    model().reply(200, completion('The pod crashed because it ran out of memory.'));
    const result = await ask();
    assert.ok(isExplainFailure(result));
    assert.match(result.sentence, /not in the JSON exitcode asked for/);
    assert.match(JSON.stringify(renderNoExplanation(result.sentence).blocks), /not in the JSON/);
  });
});

describe('reasoning models', () => {
  test('max_tokens refused: asked again once with max_completion_tokens and no temperature, then remembered', async () => {
    model().reply(400, {
      error: {
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'unsupported_parameter',
      },
    });
    model().reply(200, completion(JSON.stringify(REPLY)));
    const e = explainer();
    const first = await ask(e);
    assert.ok(!isExplainFailure(first), 'the retry answered');
    assert.equal(bodies.length, 2);
    assert.equal(bodies[0]?.max_tokens, 800);
    assert.equal(bodies[0]?.temperature, 0);
    assert.equal(bodies[1]?.max_completion_tokens, 800);
    assert.ok(!('max_tokens' in (bodies[1] ?? {})) && !('temperature' in (bodies[1] ?? {})));
    // The next explanation (another crash, so not cached) goes straight to the accepted parameters.
    model().reply(200, completion(JSON.stringify(REPLY)));
    await ask(e, 'registry.example/shop/checkout:1.4.3');
    assert.equal(bodies.length, 3);
    assert.equal(bodies[2]?.max_completion_tokens, 800);
  });

  test('temperature refused too, even after the retry: the parameter sentence', async () => {
    const refusal = {
      error: {
        message: "Unsupported value: 'temperature' does not support 0 with this model.",
        param: 'temperature',
        code: 'unsupported_value',
      },
    };
    model().reply(400, refusal);
    model().reply(400, refusal);
    const result = await ask();
    assert.equal(bodies.length, 2, 'one retry, not a loop');
    assert.ok(isExplainFailure(result));
    assert.equal(result.sentence, MODEL_FAILURE_SENTENCES.unsupported_parameter);
  });
});
