/**
 * The model gateway: the only file that imports the openai SDK. Any OpenAI-compatible endpoint works
 * (OpenAI, Azure OpenAI's v1 endpoint, vLLM, Ollama) through `baseUrl`. Bounded: a per-attempt timeout,
 * the SDK's own retries on 408/409/429/5xx and connection errors (honouring Retry-After), `max_tokens`
 * on the answer. Failures become ExitcodeError('model_error') with a kind for logs; the SDK's messages
 * (which can quote request details) never reach a user.
 */
import OpenAI from 'openai';
import { ExitcodeError } from '../errors.ts';

export interface ModelRequest {
  system: string;
  user: string;
  maxTokens: number;
}

export interface ModelAnswer {
  content: string | null;
  promptTokens: number;
  completionTokens: number;
}

export interface ModelGateway {
  readonly model: string;
  complete(request: ModelRequest): Promise<ModelAnswer>;
}

/** Structurally the token part of src/ops/metrics.ts `Metrics`. */
export interface ExplainMetrics {
  tokens(prompt: number, completion: number): void;
}

export interface OpenAIGatewayOptions {
  apiKey: string;
  /** OpenAI-compatible API base, e.g. http://ollama:11434/v1; OpenAI's when unset. */
  baseUrl?: string;
  model: string;
  /** Per attempt. */
  timeoutMs: number;
  /** Retries after the first attempt (429, 5xx, timeouts). */
  maxRetries?: number;
  metrics?: ExplainMetrics;
}

export type ModelErrorKind = 'timeout' | 'rate_limited' | 'unavailable' | 'refused' | 'connection';

const kindOf = (error: unknown): ModelErrorKind => {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.APIConnectionError) return 'connection';
  if (error instanceof OpenAI.APIError) {
    if (error.status === 429) return 'rate_limited';
    if (error.status !== undefined && error.status >= 500) return 'unavailable';
    return 'refused';
  }
  return 'connection';
};

const SENTENCES: Record<ModelErrorKind, string> = {
  timeout: 'The model did not answer in time, so there is no explanation; the diagnosis above stands on its own.',
  rate_limited: 'The model is rate-limiting us right now; try Explain again in a minute.',
  unavailable: 'The model endpoint is failing right now; try Explain again later.',
  refused:
    'The model endpoint refused the request; check OPENAI_API_KEY, OPENAI_BASE_URL and EXITCODE_MODEL with your platform team.',
  connection: 'The model endpoint could not be reached; check OPENAI_BASE_URL with your platform team.',
};

export const createOpenAIGateway = (options: OpenAIGatewayOptions): ModelGateway => {
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries ?? 2,
  });
  return {
    model: options.model,
    complete: async ({ system, user, maxTokens }) => {
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create({
          model: options.model,
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
          temperature: 0,
          max_tokens: maxTokens,
          // json_object is the structured mode the OpenAI-compatible servers (vLLM, Ollama) share.
          response_format: { type: 'json_object' },
        });
      } catch (error) {
        const kind = kindOf(error);
        const status = error instanceof OpenAI.APIError ? error.status : undefined;
        throw new ExitcodeError('model_error', SENTENCES[kind], { kind, status });
      }
      const promptTokens = completion.usage?.prompt_tokens ?? 0;
      const completionTokens = completion.usage?.completion_tokens ?? 0;
      options.metrics?.tokens(promptTokens, completionTokens);
      return { content: completion.choices[0]?.message?.content ?? null, promptTokens, completionTokens };
    },
  };
};
