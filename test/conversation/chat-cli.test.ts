import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFlags } from '../../src/cli/chat-flags.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'readyplan-chat-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function chat(args: string[], input: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts', ...args], {
    input,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PUBLIC_URL: 'https://readyplan.test',
      OPENAI_API_KEY: '',
      LLM_BASE_URL: '',
      DATABASE_URL: '',
    },
    timeout: 170_000,
  });
}

describe('npm run chat', () => {
  it('parses flags and names a bad one', () => {
    expect(parseFlags([])).toEqual({ channel: 'web', user: null });
    expect(parseFlags(['--channel', 'sms', '--user', 'a@b.co'])).toEqual({ channel: 'sms', user: 'a@b.co' });
    expect(parseFlags(['--channel=telegram'])).toEqual({ channel: 'telegram', user: null });
    expect(parseFlags(['--channel', 'fax'])).toEqual({ error: expect.stringContaining('--channel') });
    expect(parseFlags(['--channel'])).toEqual({ error: expect.stringContaining('--channel') });
    expect(parseFlags(['--user', 'nobody'])).toEqual({ error: expect.stringContaining('--user') });
    expect(parseFlags(['--verbose'])).toEqual({ error: 'unknown flag --verbose' });
  });

  it('exits 2 on a bad flag, naming it, with nothing on stdout', () => {
    const result = chat(['--channel', 'fax'], '');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--channel/);
  });

  it('creates a fresh database (from the seed snapshot, or by migrating and seeding), then prints each reply followed by ---', {
    timeout: 180_000,
  }, () => {
    const result = chat(
      ['--channel', 'sms'],
      'hi\n\n2 adults in Tampa, FL, $200\nhow do I make creek water safe?\n',
    );
    expect(result.stderr).toMatch(/from the seed snapshot|seeded the catalog/);
    expect(result.status).toBe(0);
    const replies = result.stdout.split('\n---\n');
    expect(replies.pop()).toBe('');
    expect(replies).toHaveLength(3);
    expect(replies[0]).toMatch(/^ReadyPlan builds your emergency plan/);
    expect(replies[1]).toMatch(/^Tampa, FL, 2 people, 14 days/);
    expect(replies[1]).toContain('https://readyplan.test/signup');
    // SMS guidance leads with the organization it comes from.
    expect(replies[2]).toMatch(/^(CDC|FEMA|American Red Cross|EPA|USDA)[^:]*: /);
    for (const r of replies) expect(r.length).toBeLessThanOrEqual(459);
  });
});
