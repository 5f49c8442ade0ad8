/**
 * The explanation use case: prompt -> (cache | model) -> validated reply -> Explanation. Never throws
 * for a model problem: the answer is then null ("no explanation available") and the reason is logged.
 *
 * Cached explanations are stored with names masked (pod-1, ns-1, ...) whether or not anonymize is on
 * (hosts and addresses as they are), and restored with the names of the crash being explained: a replica of the same crash gets its own
 * pod name back, not the first one's.
 */
import type { Config } from '../config.ts';
import { isExitcodeError, userSentence } from '../errors.ts';
import type { CategoryId } from '../diagnosis/taxonomy.ts';
import type { Diagnosis } from '../diagnosis/types.ts';
import { type Anonymizer, anonymizerFor } from './anonymize.ts';
import { createCache, explanationKey } from './cache.ts';
import { createOpenAIGateway, type ExplainMetrics, type ModelGateway } from './client.ts';
import { buildPrompt, type ExplainFacts, type ExplainRequest } from './prompt.ts';
import { type ParsedReply, parseReply } from './reply.ts';

export type ExplainSettings = Pick<
  Config['explain'],
  'model' | 'anonymize' | 'cacheTtlMs' | 'maxTokens' | 'timeoutMs' | 'apiKey' | 'baseUrl'
> & {
  /** Estimated tokens the request may use (the log tail is trimmed to fit); 3000 by default. */
  promptBudgetTokens?: number;
  /** Retries after the first attempt on 429/5xx/timeouts; 2 by default. */
  maxRetries?: number;
  cacheEntries?: number;
};

export interface Explanation extends ParsedReply {
  /** What the rules said, so a renderer can show both when they disagree. */
  rules: { category: CategoryId; title: string; confidence: number };
  /** True when the model names another cause than the rules' best finding. */
  disagrees: boolean;
  model: string;
  cached: boolean;
}

export interface ExplainLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Why there is no explanation, as one sentence a user may see, and a kind for logs. */
export interface ExplainFailure {
  kind: string;
  sentence: string;
}

export interface Explainer {
  explain(input: { diagnosis: Diagnosis; facts?: ExplainFacts }): Promise<Explanation | null>;
  /** The same, saying why when there is no explanation (each model failure has its own sentence). */
  explainOrWhy?(input: { diagnosis: Diagnosis; facts?: ExplainFacts }): Promise<Explanation | ExplainFailure>;
}

/** An answer that came back but cannot be used, per reason the reply parser gives. */
const UNUSABLE: Record<string, string> = {
  not_json:
    'The model answered, but not in the JSON exitcode asked for, so there is no explanation; the diagnosis above stands on its own.',
  schema: 'The model answered in the wrong shape, so there is no explanation; the diagnosis above stands on its own.',
  unknown_lines:
    'The model cited log lines it was never sent, so its answer was discarded; the diagnosis above stands on its own.',
  destructive:
    'The model recommended a destructive command, so its answer was discarded; the diagnosis above stands on its own.',
};

const NOT_EXPLAINABLE: ExplainFailure = {
  kind: 'nothing_failing',
  sentence: 'No container is failing, so there is nothing to explain.',
};

export const isExplainFailure = (value: Explanation | ExplainFailure): value is ExplainFailure =>
  'sentence' in value && !('likelyCause' in value);

const DEFAULT_PROMPT_BUDGET = 3000;

const mapText = (reply: ParsedReply, map: (text: string) => string): ParsedReply => ({
  ...reply,
  summary: map(reply.summary),
  likelyCause: map(reply.likelyCause),
  suggestedSteps: reply.suggestedSteps.map(map),
});

export const createExplainer = ({
  settings,
  client,
  clock,
  metrics,
  logger,
}: {
  settings: ExplainSettings;
  /** The model gateway; built over the openai SDK from `settings` when not given. */
  client?: ModelGateway;
  clock: () => Date;
  metrics?: ExplainMetrics;
  logger: ExplainLogger;
}): Explainer => {
  const gateway =
    client ??
    createOpenAIGateway({
      apiKey: settings.apiKey ?? '',
      ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
      model: settings.model,
      timeoutMs: settings.timeoutMs,
      ...(settings.maxRetries !== undefined ? { maxRetries: settings.maxRetries } : {}),
      ...(metrics ? { metrics } : {}),
    });
  const cache = createCache<ParsedReply>({
    ttlMs: settings.cacheTtlMs,
    clock,
    ...(settings.cacheEntries ? { maxEntries: settings.cacheEntries } : {}),
  });
  // Two clicks on the same crash while the first is being answered pay once.
  const inFlight = new Map<string, Promise<ParsedReply | ExplainFailure>>();

  /** Asks the model; the reply comes back with names masked, ready for the cache and any waiter. */
  const ask = async ({
    request,
    maskedUser,
    ruleSteps,
    anonymizer,
  }: {
    request: ExplainRequest;
    maskedUser: string;
    ruleSteps: string[];
    anonymizer: Anonymizer;
  }): Promise<ParsedReply | ExplainFailure> => {
    let content: string | null;
    try {
      const answer = await gateway.complete({
        system: request.system,
        user: maskedUser,
        maxTokens: settings.maxTokens,
      });
      content = answer.content;
      logger.info(
        {
          event: 'explain_answered',
          promptTokens: answer.promptTokens,
          completionTokens: answer.completionTokens,
          estimatedTokens: request.estimatedTokens,
          droppedLogLines: request.droppedLogLines,
        },
        'the model answered',
      );
    } catch (error) {
      const kind = isExitcodeError(error) ? String(error.details.kind) : 'unknown';
      logger.warn({ event: 'explain_failed', kind }, 'no explanation: the model call failed');
      return { kind, sentence: userSentence(error) };
    }
    const parsed = parseReply({
      content,
      sentLines: request.sentLines,
      ruleSteps: settings.anonymize ? ruleSteps.map(anonymizer.mask) : ruleSteps,
    });
    if (!parsed.ok) {
      logger.warn({ event: 'explain_rejected', reason: parsed.reason }, 'no explanation: the reply was not usable');
      return {
        kind: `reply_${parsed.reason}`,
        sentence: UNUSABLE[parsed.reason] ?? (UNUSABLE.schema as string),
      };
    }
    // The cache (and any waiter for the same crash) gets names masked; hosts are restored first, because
    // another crash's anonymizer would not know this request's host numbers.
    const restored = settings.anonymize ? mapText(parsed.reply, anonymizer.restore) : parsed.reply;
    return mapText(restored, anonymizer.maskNames);
  };

  const explainOrWhy = async ({
    diagnosis,
    facts,
  }: {
    diagnosis: Diagnosis;
    facts?: ExplainFacts;
  }): Promise<Explanation | ExplainFailure> => {
    const top = diagnosis.containers[0];
    const key = explanationKey(diagnosis);
    if (!top || key === undefined) return NOT_EXPLAINABLE;
    const anonymizer = anonymizerFor({ diagnosis, ...(facts ? { facts } : {}) });
    const request = buildPrompt({
      diagnosis,
      ...(facts ? { facts } : {}),
      budgetTokens: settings.promptBudgetTokens ?? DEFAULT_PROMPT_BUDGET,
    });
    const maskedUser = settings.anonymize ? anonymizer.mask(request.user) : request.user;
    const best = top.classification.best;
    const finish = (masked: ParsedReply, cached: boolean): Explanation => {
      const reply = mapText(masked, anonymizer.restore);
      return {
        ...reply,
        rules: { category: best.category, title: best.title, confidence: best.confidence },
        disagrees: (reply.category ?? 'unknown') !== best.category,
        model: gateway.model,
        cached,
      };
    };

    const hit = cache.get(key);
    if (hit) {
      logger.info({ event: 'explain_cache_hit' }, 'explanation reused from the cache');
      return finish(hit, true);
    }
    let pending = inFlight.get(key);
    const first = pending === undefined;
    if (!pending) {
      pending = ask({ request, maskedUser, ruleSteps: best.nextSteps, anonymizer });
      inFlight.set(key, pending);
    }
    let masked: ParsedReply | ExplainFailure;
    try {
      masked = await pending;
    } finally {
      if (first) inFlight.delete(key);
    }
    if ('sentence' in masked && !('likelyCause' in masked)) return masked;
    if (first) cache.set(key, masked as ParsedReply);
    return finish(masked as ParsedReply, !first);
  };

  const explain: Explainer['explain'] = async (input) => {
    const result = await explainOrWhy(input);
    return isExplainFailure(result) ? null : result;
  };

  return { explain, explainOrWhy };
};
