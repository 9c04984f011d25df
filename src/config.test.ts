import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './.data' });
    expect(config.model.kind).toBe('offline');
    expect(config.telegram).toBeNull();
    expect(config.twilio).toBeNull();
    expect(config.stripe).toBeNull();
  });

  it('names each bad variable', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT']);
    expect(problemsOf({ PORT: '70000' })).toEqual(['PORT']);
    expect(problemsOf({ DATABASE_URL: 'mysql://db/x' })).toEqual(['DATABASE_URL']);
    expect(problemsOf({ DATABASE_URL: 'not a url', PORT: '-1', TELEGRAM_MODE: 'carrier-pigeon' })).toEqual([
      'PORT',
      'DATABASE_URL',
      'TELEGRAM_MODE',
    ]);
    expect(problemsOf({ LLM_BASE_URL: 'localhost:11434' })).toEqual(['LLM_BASE_URL']);
  });

  it('chooses the server database and a model by configuration alone', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://user:pw@db.example.com:5432/readyplan',
      LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      LLM_MODEL: 'qwen2.5',
      PORT: '8080',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgresql://user:pw@db.example.com:5432/readyplan',
    });
    expect(config.model).toMatchObject({ kind: 'openai-compatible', model: 'qwen2.5' });
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('reads TRUST_PROXY as Express accepts it: false, true, a hop count or a list of addresses and subnets', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.168.1.1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.168.1.1',
    ]);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/255.0.0.0' }).trustProxy).toEqual(['10.0.0.0/255.0.0.0']);
    expect(problemsOf({ TRUST_PROXY: 'yes' })).toEqual(['TRUST_PROXY']);
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33' })).toEqual(['TRUST_PROXY']);
    expect(problemsOf({ TRUST_PROXY: 'loopback,300.1.1.1' })).toEqual(['TRUST_PROXY']);
    expect(problemsOf({ TRUST_PROXY: '-1' })).toEqual(['TRUST_PROXY']);
  });
});
