import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, maskEmail, maskPhone, maskSensitive, maskToken } from './logger.ts';

/** A logger at `level` whose lines are collected, parsed. */
function collecting(level: 'debug' | 'info' | 'warn' | 'error' | 'silent') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

describe('masking', () => {
  it('shows an e-mail as its first letter and domain, a phone as its prefix and last four digits', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j***@example.com');
    expect(maskPhone('+15551234567')).toBe('+1******4567');
    expect(maskPhone('(555) 123-4567')).toBe('******4567');
    expect(maskToken('abcdefghijklmnopqrstuvwxyz0123456789')).toBe('abcd…');
  });

  it('masks them inside text, and keeps ids, dates, model names and plain words', () => {
    const token = 'Zx9_kQ2mR7vT4wY8nB3cL6pH1sD5fG0j';
    const id = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
    const text = `user ${id} jane@example.com texted from +44 20 7946 0958 with ${token} on 2026-12-04 via text-embedding-3-small`;
    const masked = maskSensitive(text);
    expect(masked).toBe(
      `user ${id} j***@example.com texted from +4*******0958 with Zx9_… on 2026-12-04 via text-embedding-3-small`,
    );
  });
});

describe('createLogger', () => {
  it('honours the level: debug lines only at debug, nothing when silent', () => {
    const info = collecting('info');
    info.logger.debug('hidden');
    info.logger.info('shown');
    expect(info.lines.map((l) => l.msg)).toEqual(['shown']);
    const silent = collecting('silent');
    silent.logger.error('never');
    expect(silent.lines).toEqual([]);
  });

  it('never writes an e-mail, a phone number or a token in full, in the message or in fields', () => {
    const { logger, lines } = collecting('info');
    const token = 'Zx9_kQ2mR7vT4wY8nB3cL6pH1sD5fG0j';
    logger.info(
      { email: 'bob@example.com', to: '+15551234567', sessionToken: 'short-secret' },
      `signed in ${token}`,
    );
    logger.error({ err: new Error('no account for bob@example.com') }, 'sign-in failed');
    const written = JSON.stringify(lines);
    for (const secret of ['bob@example.com', '+15551234567', '5551234567', token, 'short-secret']) {
      expect(written).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ email: 'b***@example.com', to: '+1******4567', sessionToken: 'shor…' });
    expect(lines[0]?.msg).toBe('signed in Zx9_…');
    expect(JSON.stringify(lines[1])).toContain('no account for b***@example.com');
  });
});
