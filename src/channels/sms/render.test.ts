import { describe, expect, it } from 'vitest';
import { mapChoice } from '../../conversation/choices.ts';
import type { Reply } from '../../conversation/reply.ts';
import { encodingOf, SMS_MAX_SEPTETS, septets, smsSize } from './encoding.ts';
import { renderSms, toSmsText } from './render.ts';

const base: Reply = { conversationId: 'c1', text: '', toolCalls: [], status: 'ok' };
const choices = [
  { label: 'Just me', value: 'just me' },
  { label: '2 adults', value: '2 adults' },
  { label: '2 adults + 2 kids', value: '2 adults and 2 kids' },
];
const MORE = 'https://rp.test/plan';

describe('SMS segment counting', () => {
  it('GSM-7: 160 in one segment, then 153 a segment; extension characters cost two septets', () => {
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSize('a'.repeat(306)).segments).toBe(2);
    expect(smsSize('a'.repeat(307)).segments).toBe(3);
    expect(smsSize('a'.repeat(459)).segments).toBe(3);
    expect(smsSize('a'.repeat(460)).segments).toBe(4);
    expect(septets('a{b}€')).toBe(8);
    expect(smsSize('{'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('{'.repeat(81)).segments).toBe(2);
    // An escape pair is never split: 152 septets then '{' moves whole to the next segment.
    expect(smsSize(`${'a'.repeat(152)}{${'a'.repeat(152)}`).segments).toBe(3);
  });

  it('UCS-2 as soon as one character is outside GSM-7: 70 single, 67 a segment, emoji count two', () => {
    expect(encodingOf('Está bien')).toBe('UCS-2');
    expect(encodingOf('café São')).toBe('UCS-2');
    expect(encodingOf('Ça va, señor? £5 @ 10€')).toBe('GSM-7');
    expect(smsSize(`á${'a'.repeat(69)}`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(smsSize(`á${'a'.repeat(70)}`).segments).toBe(2);
    expect(smsSize(`á${'a'.repeat(133)}`).segments).toBe(2);
    expect(smsSize(`á${'a'.repeat(134)}`).segments).toBe(3);
    expect(smsSize('🙂').units).toBe(2);
    // A surrogate pair is not split between segments: 66 units, then the emoji starts segment two, so 134
    // units take three segments where dividing by 67 would say two.
    expect(smsSize(`${'a'.repeat(66)}🙂${'a'.repeat(65)}`).segments).toBe(2);
    expect(smsSize(`${'a'.repeat(66)}🙂${'a'.repeat(66)}`).segments).toBe(3);
  });
});

describe('SMS rendering', () => {
  const plan: Reply = {
    ...base,
    text: '## Your plan for Tampa, FL\n- **Water:** 7 gal/day → **98 gal**\n- Food “rule” — DGA\n[Open the full plan](https://rp.test/plans/abc)',
    link: { label: 'Open your plan', url: 'https://rp.test/plans/abc' },
    choices,
  };

  it('is plain GSM text with numbered choices that map back', () => {
    const sms = renderSms(plan, { moreUrl: MORE });
    expect(sms.text).toBe(
      'Your plan for Tampa, FL\n- Water: 7 gal/day -> 98 gal\n- Food "rule" - DGA\nOpen the full plan: https://rp.test/plans/abc\n1) Just me\n2) 2 adults\n3) 2 adults + 2 kids\nReply with a number.',
    );
    expect(sms).toMatchObject({ encoding: 'GSM-7', trimmed: false, segments: 2 });
    expect(mapChoice('2', choices)).toBe('2 adults');
    expect(toSmsText('**Bold** and _it_ — “quote” → x, 20°F ½ gal')).toBe(
      'Bold and it - "quote" -> x, 20 degF 1/2 gal',
    );
  });

  it('a long reply is cut at a sentence within three segments, link and choices kept whole', () => {
    const sms = renderSms(
      { ...plan, text: `${plan.text}\n${'Lots of detail about the plan. '.repeat(30)}` },
      { moreUrl: MORE },
    );
    expect(sms.trimmed).toBe(true);
    expect(sms.segments).toBe(3);
    expect(sms.units).toBeLessThanOrEqual(SMS_MAX_SEPTETS);
    expect(sms.text).toMatch(/plan\.\.\.\.\nMore: https:\/\/rp\.test\/plans\/abc\n1\) Just me/);
    expect(sms.text.endsWith('3) 2 adults + 2 kids\nReply with a number.')).toBe(true);
    expect(sms.text).not.toMatch(/[*#→“”—]/);
  });

  it('without a link of its own, a trimmed reply points to the plan on the web', () => {
    const sms = renderSms({ ...base, text: 'Stay safe. '.repeat(80) }, { moreUrl: MORE });
    expect(sms.text.endsWith(`...\nMore: ${MORE}`)).toBe(true);
    expect(sms.segments).toBeLessThanOrEqual(3);
  });

  it('counts a reply with non-GSM letters as UCS-2 and trims it to three UCS-2 segments', () => {
    const sms = renderSms(
      { ...base, text: `Plan para São Paulo. ${'Água potável é essencial. '.repeat(20)}` },
      { moreUrl: MORE },
    );
    expect(sms.encoding).toBe('UCS-2');
    expect(sms.segments).toBe(3);
    expect(sms.units).toBeLessThanOrEqual(201);
    expect(sms.text).toContain('São Paulo');
    expect(sms.text.endsWith(`\nMore: ${MORE}`)).toBe(true);
    const short = renderSms({ ...base, text: 'Olá 🙂' }, { moreUrl: MORE });
    expect(short).toMatchObject({ encoding: 'UCS-2', units: 6, segments: 1, trimmed: false });
  });
});
