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

export type ModelErrorKind =
  | 'timeout'
  | 'rate_limited'
  | 'quota'
  | 'authentication'
  | 'model_not_found'
  | 'unsupported_parameter'
  | 'unavailable'
  | 'refused'
  | 'connection';

/** A 400 that names max_tokens or temperature: what reasoning models (o1, o3, gpt-5) refuse. */
const refusedParameter = (error: unknown): boolean => {
  if (!(error instanceof OpenAI.APIError) || error.status !== 400) return false;
  const param = (error as { param?: unknown }).param;
  if (param === 'max_tokens' || param === 'temperature') return true;
  const text = `${(error as { code?: unknown }).code ?? ''} ${error.message}`;
  return /unsupported_parameter|unsupported_value/.test(text) || /\b(max_tokens|temperature)\b/.test(text);
};

export const kindOf = (error: unknown): ModelErrorKind => {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  if (error instanceof OpenAI.APIConnectionError) return 'connection';
  if (error instanceof OpenAI.APIError) {
    const code = (error as { code?: unknown }).code;
    if (error.status === 429) return code === 'insufficient_quota' ? 'quota' : 'rate_limited';
    if (error.status === 401 || error.status === 403) return 'authentication';
    if (error.status === 404) return 'model_not_found';
    if (refusedParameter(error)) return 'unsupported_parameter';
    if (error.status !== undefined && error.status >= 500) return 'unavailable';
    return 'refused';
  }
  return 'connection';
};

/** One sentence per failure, naming the setting that fixes it; never the SDK's message. */
export const MODEL_FAILURE_SENTENCES: Record<ModelErrorKind, string> = {
  timeout: 'The model did not answer in time, so there is no explanation; the diagnosis above stands on its own.',
  rate_limited: 'The model is rate-limiting us right now; try Explain again in a minute.',
  quota:
    'The model account has run out of quota, so there is no explanation; ask your platform team to check the plan or limits of the key in OPENAI_API_KEY.',
  authentication:
    'The model endpoint rejected our API key, so there is no explanation; ask your platform team to check OPENAI_API_KEY.',
  model_not_found:
    'The model endpoint does not know the configured model, so there is no explanation; ask your platform team to check EXITCODE_MODEL and OPENAI_BASE_URL.',
  unsupported_parameter:
    'The model refused our request parameters even without max_tokens and temperature, so there is no explanation; ask your platform team to check that EXITCODE_MODEL names a chat model.',
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
  let reasoningStyle = false;
  return {
    model: options.model,
    complete: async ({ system, user, maxTokens }) => {
      const messages = [
        { role: 'system' as const, content: system },
        { role: 'user' as const, content: user },
      ];
      // json_object is the structured mode the OpenAI-compatible servers (vLLM, Ollama) share.
      const classic = { temperature: 0, max_tokens: maxTokens };
      // Reasoning models refuse max_tokens and any temperature but the default.
      const reasoning = { max_completion_tokens: maxTokens };
      const create = (asReasoning: boolean) =>
        client.chat.completions.create({
          model: options.model,
          messages,
          ...(asReasoning ? reasoning : classic),
          response_format: { type: 'json_object' },
        });
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        try {
          completion = await create(reasoningStyle);
        } catch (error) {
          if (reasoningStyle || !refusedParameter(error)) throw error;
          // Once learnt, every later call uses the parameters this model accepts.
          reasoningStyle = true;
          completion = await create(true);
        }
      } catch (error) {
        const kind = kindOf(error);
        const status = error instanceof OpenAI.APIError ? error.status : undefined;
        throw new ExitcodeError('model_error', MODEL_FAILURE_SENTENCES[kind], { kind, status });
      }
      const promptTokens = completion.usage?.prompt_tokens ?? 0;
      const completionTokens = completion.usage?.completion_tokens ?? 0;
      options.metrics?.tokens(promptTokens, completionTokens);
      return { content: completion.choices[0]?.message?.content ?? null, promptTokens, completionTokens };
    },
  };
};
