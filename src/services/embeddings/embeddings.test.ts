import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDING_DIMENSIONS } from './embedder.ts';
import { createEmbedder } from './index.ts';
import { createOfflineEmbedder, embedOffline, features, OFFLINE_EMBEDDER_NAME } from './offline.ts';
import { conceptSet, stem } from './text.ts';

const cosine = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);

describe('offline embedder', () => {
  const embedder = createOfflineEmbedder();

  it('gives 768 unit-length numbers, the same for the same text', async () => {
    const [a, b, c] = await embedder.embed(['Gravity water filter', 'Gravity water filter', '']);
    expect(a).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(embedder.dimensions).toBe(768);
    expect(Math.sqrt(cosine(a!, a!))).toBeCloseTo(1, 10);
    expect(b).toEqual(a);
    expect(Math.sqrt(cosine(c!, c!))).toBeCloseTo(1, 10);
    expect(embedder.name).toBe(OFFLINE_EMBEDDER_NAME);
  });

  it('joins word forms and reads preparedness synonyms', () => {
    expect(stem('batteries')).toBe('battery');
    expect(stem('stored')).toBe(stem('store'));
    expect(conceptSet('creek')).toContain('filter');
    expect(conceptSet('a baby')).toContain('formula');
    expect(conceptSet('light')).toContain('lantern');
    expect(conceptSet('power')).toContain('generator');
    expect([...features('the and of')]).toHaveLength(0);
  });

  it('puts a paraphrase nearer its item than an unrelated item', () => {
    const query = embedOffline('something to make creek water safe');
    const filter = embedOffline(
      'Portable water filter. Removes bacteria and protozoa from lake and stream water.',
    );
    const drum = embedOffline('55-gallon water storage drum. Food-grade barrel for stored tap water.');
    const blanket = embedOffline('Wool blanket. Warm even when damp.');
    expect(cosine(query, filter)).toBeGreaterThan(cosine(query, drum));
    expect(cosine(query, drum)).toBeGreaterThan(cosine(query, blanket));
  });
});

describe('OpenAI embedder (against a local server speaking the embeddings API)', () => {
  let server: Server;
  let baseURL: string;
  const requests: { model: string; input: string[]; dimensions?: number; auth?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const parsed = JSON.parse(body) as { model: string; input: string[]; dimensions?: number };
        requests.push({ ...parsed, auth: req.headers.authorization });
        if (req.url !== '/v1/embeddings') {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            model: parsed.model,
            data: parsed.input.map((text, index) => ({
              object: 'embedding',
              index,
              embedding: embedOffline(`remote ${text}`).slice(0, parsed.dimensions ?? 1536),
            })),
            usage: { prompt_tokens: 3, total_tokens: 3 },
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks for 768 dimensions of the configured model and names itself after it', async () => {
    const embedder = createEmbedder({
      kind: 'openai',
      apiKey: 'sk-test',
      model: 'text-embedding-3-small',
      baseURL,
    });
    expect(embedder.name).toBe('openai:text-embedding-3-small@768');
    const vectors = await embedder.embed(['water filter', 'lantern']);
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(768);
    expect(vectors[0]).toEqual(embedOffline('remote water filter'));
    const last = requests.at(-1)!;
    expect(last).toMatchObject({
      model: 'text-embedding-3-small',
      dimensions: 768,
      input: ['water filter', 'lantern'],
    });
    expect(last.auth).toBe('Bearer sk-test');
    expect(await embedder.embed([])).toEqual([]);
  });

  it('is the offline embedder when no key is configured', () => {
    expect(createEmbedder({ kind: 'offline' }).name).toBe(OFFLINE_EMBEDDER_NAME);
  });
});
