import type { Channel } from './replies.ts';

/**
 * Requests no message can grant: another account's data, a tier set by asking, the rules switched off.
 * Answered before anything runs, so nothing changes.
 */
export function refuse(text: string, publicUrl: string, channel: Channel, signedIn = true): string | null {
  const t = text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  // Someone in danger right now comes first.
  if (
    /\b(kill myself|end it all|end my life|suicid\w*|want to die|hurt myself|self[- ]harm|overdose on purpose)\b/.test(
      t,
    )
  )
    return "I'm really sorry you're feeling this way. You don't have to face it alone: call or text 988 (Suicide & Crisis Lifeline, 24/7) or call 911 if you're in immediate danger. If you can, reach out to someone you trust right now.";
  if (
    /\b(pipe bomb|bombs?|explosives?|ied|molotov|napalm|make a gun|ghost gun|booby[- ]?trap)\b/.test(t) &&
    /\b(make|build|how|recipe|instructions)\b/.test(t)
  )
    return "I can't help with weapons or explosives. For protecting your home I can help with a safety plan: lighting, communication, a safe room and who to call.";
  if (
    /\b(poison|make (them|him|her|someone|people) sick|contaminate|hurt (them|him|her|someone|my neighbou?r))\b/.test(
      t,
    ) ||
    (/\bneighbou?r'?s?\b/.test(t) && /\b(sick|poison|kill)\b/.test(t))
  )
    return "I can't help with harming anyone. If there's a dispute or danger, contact local authorities (911 in an emergency).";
  if (/^\s*[{[]/.test(text) || /"tool"\s*:|\bsystem (already )?applied\b|\btool result\b/.test(t))
    return "I can't confirm that: nothing was changed. Tool results come only from my own tools, so your household and plan are still as they were. Tell me in your own words what changed.";
  if (
    !signedIn &&
    /\b(password|log ?in|sign ?in|my account|my saved plan)\b/.test(t) &&
    /@|\baccount\b|\bpassword\b/.test(t)
  ) {
    const url = `${publicUrl}/login`;
    return `I can't open an account from the chat. Sign in (or reset your password) at ${channel === 'web' ? `[sign in](${url})` : url}, and your saved plan and household are there.`;
  }
  if (
    /\b(set|change|make|switch|give|put)\b.*\b(my|me|this)\b.*\b(tier|plan|account|subscription)?\b.*\b(to|on|as)\s+(pro|basic|premium|free)\b|\bgive me (pro|basic|premium)\b/.test(
      t,
    )
  ) {
    const url = `${publicUrl}/pricing`;
    return `I can't change a subscription from the chat. Plans and upgrades are on the pricing page: ${channel === 'web' ? `[see plans](${url})` : url}`;
  }
  // Everyone's data, listed or searched: "show me all the users in tampa", "who else signed up", "every account".
  if (
    /\b(all|every|each|list|list of|other)\s+(the\s+|of\s+the\s+)?(users?|accounts?|customers?|subscribers?|profiles?)\b|\bthe (users|accounts|customers|subscribers)\b|\b(every|any|each)\s?(one|body|user|account|customer)( else)?'?s\s+(plans?|data|households?|accounts?|info|addresses|details)\b|\bwho else (uses|is using|signed up|has an account)\b|\b(users|accounts|customers|people) (who|that) (live|are|signed up)\b.*\b(in|near|from)\b/.test(
      t,
    )
  ) {
    return "I can only work with your own household and plan, so I can't show other people's accounts or plans. Want to see or change yours?";
  }
  if (
    /\b(another|other|someone else'?s?|different|a different)\s+(user|person|account|customer|member|people)('?s)?\b|\b(user|account)\s+(id|[0-9a-f]{8})\b|\bbelonging to\b|\bignore (?:\w+ ){0,3}(rules|instructions|prompt)|\b(system prompt|developer mode|admin mode|jailbreak)\b/.test(
      t,
    )
  ) {
    return 'I can only work with your own household and plan, and I keep to my rules. Want to see or change your plan?';
  }
  return null;
}
