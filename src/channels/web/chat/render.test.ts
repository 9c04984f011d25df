import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../conversation/reply.ts';
import { renderWeb } from './render.ts';

const base: Reply = { conversationId: 'c1', text: '', toolCalls: [], status: 'ok' };

describe('web rendering', () => {
  const plan: Reply = {
    ...base,
    text: '## Your plan for Tampa, FL\n- **Water:** 7 gal/day → **98 gal**\n[Open the full plan](https://rp.test/plans/abc)',
    link: { label: 'Open your plan', url: 'https://rp.test/plans/abc' },
    choices: [
      { label: 'Just me', value: 'just me' },
      { label: '2 adults', value: '2 adults' },
      { label: '2 adults + 2 kids', value: '2 adults and 2 kids' },
    ],
  };

  it('keeps Markdown and the structured parts, the link once', () => {
    const web = renderWeb(plan);
    expect(web.markdown).toContain('**Water:**');
    expect(web.markdown.match(/rp\.test\/plans\/abc/g)).toHaveLength(1);
    expect(web.choices).toHaveLength(3);
    expect(renderWeb({ ...base, text: 'Hi', link: plan.link }).markdown).toBe(
      'Hi\n\n[Open your plan](https://rp.test/plans/abc)',
    );
  });
});
