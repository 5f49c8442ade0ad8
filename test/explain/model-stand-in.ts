/**
 * A loopback stand-in for an OpenAI-compatible chat completions endpoint (for tests that run a Slack
 * stand-in and a demo cluster too, where nock's global interception is not wanted). Replies are
 * queued; every request body is recorded; an empty queue answers 500 so a missing reply shows.
 *
 *   const model = await startModelStandIn();
 *   model.answer(JSON.stringify({ summary: ..., ... }));
 *   createExplainer({ settings: { baseUrl: model.baseUrl, ... } })
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequestBody {
  model: string;
  temperature: number;
  max_tokens: number;
  response_format: { type: string };
  messages: { role: string; content: string }[];
}

export interface ModelStandIn {
  /** Ends with /v1, for OPENAI_BASE_URL. */
  baseUrl: string;
  requests: ChatRequestBody[];
  /** Queues a 200 completion whose message content is `content` (or computed from the request). */
  answer(content: string | ((request: ChatRequestBody) => string)): void;
  /** Queues an error status. */
  fail(status: number): void;
  pending(): number;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export const completion = (content: string) => ({
  id: 'chatcmpl-stand-in',
  object: 'chat.completion',
  created: 1_764_072_000,
  model: 'test-model',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
  usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
});

export const startModelStandIn = async (): Promise<ModelStandIn> => {
  const queue: { status: number; body: unknown | ((request: ChatRequestBody) => unknown) }[] = [];
  const requests: ChatRequestBody[] = [];
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
      return;
    }
    const request = JSON.parse(raw) as ChatRequestBody;
    requests.push(request);
    const next = queue.shift() ?? { status: 500, body: { error: { message: 'no reply queued' } } };
    const body = typeof next.body === 'function' ? next.body(request) : next.body;
    res.writeHead(next.status, { 'content-type': 'application/json', 'retry-after-ms': '1' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    answer: (content) => {
      queue.push({
        status: 200,
        body:
          typeof content === 'string'
            ? completion(content)
            : (request: ChatRequestBody) => completion(content(request)),
      });
    },
    fail: (status) => {
      queue.push({ status, body: { error: { message: `failure ${status}` } } });
    },
    pending: () => queue.length,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
