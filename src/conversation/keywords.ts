/**
 * Carrier keywords, recognised before the model on SMS (CTIA/Twilio conventions): STOP and its synonyms opt
 * out, START opts back in, HELP says who we are and how to stop. A message that is exactly the keyword
 * (any case, trailing punctuation) counts; "stop the plan" is a sentence for the model.
 */
export type SmsKeyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, SmsKeyword> = {
  stop: 'stop',
  stopall: 'stop',
  unsubscribe: 'stop',
  cancel: 'stop',
  end: 'stop',
  quit: 'stop',
  start: 'start',
  unstop: 'start',
  yes: 'start',
  help: 'help',
  info: 'help',
};

export function smsKeyword(text: string): SmsKeyword | null {
  const word = text
    .trim()
    .toLowerCase()
    .replace(/[.!?\s]+$/, '');
  return KEYWORDS[word] ?? null;
}

export const SMS_REPLIES: Record<SmsKeyword, string> = {
  stop: "You're unsubscribed from ReadyPlan and will get no more messages. Reply START to resubscribe.",
  start:
    "You're resubscribed to ReadyPlan. Text your city and household to build a plan. Reply STOP to opt out.",
  help: 'ReadyPlan: household emergency plans by text. Text your city and who lives with you to start, or ask a question. Reply STOP to opt out. Msg & data rates may apply.',
};
