import type { Channel } from '../conversation/index.ts';
import { isUuid } from '../domain/ids.ts';

const CHANNELS = ['web', 'telegram', 'sms'] as const;

export type Flags = { channel: Channel; user: string | null };

export function parseFlags(argv: string[]): Flags | { error: string } {
  const flags: Flags = { channel: 'web', user: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) return null;
      return v;
    };
    if (name === '--channel') {
      const v = value();
      if (v === null) return { error: '--channel needs a value: web, telegram or sms' };
      if (!(CHANNELS as readonly string[]).includes(v))
        return { error: `--channel must be web, telegram or sms (got "${v}")` };
      flags.channel = v as Channel;
    } else if (name === '--user') {
      const v = value();
      if (v === null) return { error: '--user needs a value: a user id or an email' };
      if (!isUuid(v) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) {
        return { error: `--user must be a user id (UUID) or an email address (got "${v}")` };
      }
      flags.user = v;
    } else {
      return { error: `unknown flag ${name}` };
    }
  }
  return flags;
}
