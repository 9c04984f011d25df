import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One scripted answer: a tool call (arguments streamed in pieces), text (streamed in deltas), or a failure
 * (an HTTP error status with OpenAI's error body).
 */
export type Answer =
  | { toolCalls: { name: string; arguments: Record<string, unknown> }[] }
  | { text: string }
  | { fail: { status: number; message: string } };

export type ChatRequest = {
  model: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages: {
    role: string;
    content: string | null;
    tool_calls?: { function: { name: string; arguments: string } }[];
    tool_call_id?: string;
  }[];
  tools?: { type: string; function: { name: string; description?: string; parameters: unknown } }[];
};

export const USAGE = { prompt_tokens: 120, completion_tokens: 30 };

function chunk(id: string, model: string, body: Record<string, unknown>): string {
  return `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_700_000_000, model, ...body })}\n\n`;
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The SSE body of a streamed chat completion, in OpenAI's wire format. */
export function sse(answer: Exclude<Answer, { fail: unknown }>, model: string, n: number): string {
  const id = `chatcmpl-${n}`;
  let out = '';
  if ('text' in answer) {
    out += chunk(id, model, {
      choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
    });
    for (const part of pieces(answer.text, 12)) {
      out += chunk(id, model, { choices: [{ index: 0, delta: { content: part }, finish_reason: null }] });
    }
    out += chunk(id, model, { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  } else {
    answer.toolCalls.forEach((call, index) => {
      out += chunk(id, model, {
        choices: [
          {
            index: 0,
            delta: {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  index,
                  id: `call_${n}_${index}`,
                  type: 'function',
                  function: { name: call.name, arguments: '' },
                },
              ],
            },
            finish_reason: null,
          },
        ],
      });
      for (const part of pieces(JSON.stringify(call.arguments), 10)) {
        out += chunk(id, model, {
          choices: [
            {
              index: 0,
              delta: { tool_calls: [{ index, function: { arguments: part } }] },
              finish_reason: null,
            },
          ],
        });
      }
    });
    out += chunk(id, model, { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
  }
  out += chunk(id, model, {
    choices: [],
    usage: { ...USAGE, total_tokens: USAGE.prompt_tokens + USAGE.completion_tokens },
  });
  out += 'data: [DONE]\n\n';
  return out;
}

async function body(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * A small local server speaking the OpenAI chat-completions streaming protocol: `decide` picks the answer
 * from the request (as a model would, from the conversation and tool results it is sent).
 */
export async function startOpenAIServer(decide: (request: ChatRequest) => Answer) {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const request = JSON.parse(await body(req)) as ChatRequest;
    requests.push(request);
    const answer = decide(request);
    if ('fail' in answer) {
      res
        .writeHead(answer.fail.status, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: answer.fail.message, type: 'server_error' } }));
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    res.end(sse(answer, request.model, requests.length));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
