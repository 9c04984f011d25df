import type { PlanSummary } from '../../../tools/plan-summary.ts';
import type { Channel } from '../../domain/channels.ts';
import { normalizeText } from './numbers.ts';
import { money } from './reply-format.ts';

/** Questions about the person's own plan, answered from the plan's numbers (getPlan), never the guidance. */
export type PlanTopic =
  | 'water'
  | 'food'
  | 'readiness'
  | 'days'
  | 'hazards'
  | 'buy-first'
  | 'enough'
  | 'budget';

export function planTopic(text: string): PlanTopic | null {
  const t = normalizeText(text);
  if (
    /\bis (\d+(?:\.\d+)?) (gal|gallons?)\b.*\benough\b|\b(\d+(?:\.\d+)?) (gal|gallons?)\b.*\benough\b/.test(t)
  )
    return 'enough';
  if (/\breadiness\b|\bhow ready\b|\bmy score\b/.test(t)) return 'readiness';
  if (
    /\bdays of (supply|water|food)\b|\bhow many days\b|\bhow long (will|would|does|do) (it|we|our|my)\b/.test(
      t,
    )
  )
    return 'days';
  if (
    /\b(hazards?|risks?|threats?|disasters?)\b.*\b(here|my area|where i live|we face|should (i|we) worry|near me|for us|most likely)\b|\bwhat should (i|we) (worry|be worried) about\b/.test(
      t,
    )
  )
    return 'hazards';
  if (
    /\b(buy|get|purchase|order|grab|pick up)\b.*\bfirst\b|\bfirst (thing|things|item|items|purchases?)\b.*\b(buy|get|purchase|order|grab|pick up|shop)\b|\bfirst (thing|things|item|items) to buy\b|\bwhat (should|do) (i|we) (buy|purchase)\b|\bshopping list\b|\b(top|biggest|first) priority\b.*\b(buy|get|purchase|spend|shopping)\b|\b(where|what) (should|do) (i|we) start (buying|shopping|with the shopping)\b|\bmost important (thing|item|things|items) to (buy|get|purchase)\b|\bwhat (do|should) (i|we) do first\b|\bwhere (do|should) (i|we) (start|begin)\b/.test(
      t,
    )
  )
    return 'buy-first';
  if (
    /\b(total|how much|how many gallons)\b.*\bwater\b|\bwater\b.*\b(total|do we need|we need|in total)\b/.test(
      t,
    )
  )
    return 'water';
  if (/\b(how much|total|how many)\b.*\b(food|calories|kcal)\b/.test(t)) return 'food';
  if (
    /\b(how much|what) (does|will|would) (it|the plan|this) cost\b|\bmy budget\b|\bhow much (am i|are we) spending\b/.test(
      t,
    )
  )
    return 'budget';
  return null;
}

const num = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d });

function link(plan: PlanSummary, channel: Channel): string {
  const url = plan.url ?? plan.draftUrl ?? null;
  if (!url) return '';
  return channel === 'web' ? ` [Open the full plan](${url})` : ` Full plan: ${url}`;
}

/** "water: 11 of 35 gal" from the plan's needed/owned/bought figures, when the plan has them. */
function coverage(plan: PlanSummary, word: RegExp): string | null {
  const need = plan.criticalNeeds.find((n) => word.test(n.name));
  if (!need) return null;
  return `${num(need.owned + need.bought, 1)} of ${num(need.needed, 1)} ${need.unit} covered (owned plus what the plan buys)`;
}

export function planAnswer(topic: PlanTopic, question: string, plan: PlanSummary, channel: Channel): string {
  const days = plan.durationDays;
  const water = `${num(plan.water.totalGallons, 1)} gallons of water (${num(plan.water.gallonsPerDay, 2)} gal a day for ${days} days)`;
  const tail = link(plan, channel);
  switch (topic) {
    case 'water': {
      const cov = coverage(plan, /water/i);
      return `Your plan needs ${water}, ${plan.people} ${plan.people === 1 ? 'person' : 'people'}${plan.pets.length ? ' and the pets' : ''} included.${cov ? ` Water: ${cov}.` : ''}${tail}`;
    }
    case 'enough': {
      const said = Number(/(\d+(?:\.\d+)?)\s*(?:gal|gallons?)/.exec(normalizeText(question))?.[1] ?? 0);
      const lasts = plan.water.gallonsPerDay > 0 ? said / plan.water.gallonsPerDay : 0;
      return said >= plan.water.totalGallons
        ? `Yes: ${num(said, 1)} gallons covers your plan's ${num(plan.water.totalGallons, 1)} gallons (${num(plan.water.gallonsPerDay, 2)} gal a day for ${days} days).${tail}`
        : `Not quite: your household uses about ${num(plan.water.gallonsPerDay, 2)} gallons a day, so ${num(said, 1)} gallons lasts about ${num(lasts, 1)} day${lasts >= 0.95 && lasts < 1.05 ? '' : 's'}. The plan calls for ${num(plan.water.totalGallons, 1)} gallons for ${days} days.${tail}`;
    }
    case 'food':
      return `Your plan needs ${num(plan.food.kcalPerDay)} kcal a day, ${num(plan.food.totalKcal)} kcal over ${days} days.${tail}`;
    case 'readiness': {
      const dos = plan.daysOfSupply
        .filter((d) => d.category === 'water' || d.category === 'food')
        .map((d) => `${d.category} ${d.days} of ${d.targetDays} days`)
        .join(', ');
      return `Your readiness score is ${plan.readinessScore}/100${dos ? ` (${dos})` : ''}. It rises as you mark what you own.${tail}`;
    }
    case 'days': {
      const dos = plan.daysOfSupply.map((d) => `${d.category} ${d.days} of ${d.targetDays} days`).join(', ');
      return dos
        ? `Days of supply from what you own: ${dos}.${tail}`
        : `Your plan covers ${days} days; tell me what you have ("we have 10 gallons of water") and I'll count days of supply.${tail}`;
    }
    case 'hazards':
      return `For ${plan.location.input} your plan covers ${plan.scenarioNames.join(', ')}${plan.location.message ? ` (${plan.location.message.replace(/\.$/, '')})` : ", ranked from FEMA's National Risk Index for your state plus what you chose"}.${tail}`;
    case 'buy-first': {
      if (plan.buyFirst.length === 0)
        return `Your budget buys nothing yet; the plan lists what you need.${tail}`;
      const list = plan.buyFirst
        .slice(0, channel === 'sms' ? 3 : 5)
        .map(
          (b, i) => `${i + 1}. ${b.name}${b.quantity > 1 ? ` × ${b.quantity}` : ''} (${money(b.lineTotal)})`,
        );
      return `Buy these first, most critical first (${money(plan.budget.spent)} of your ${money(plan.budget.limit)}):\n${list.join('\n')}${tail}`;
    }
    case 'budget':
      return `Your plan spends ${money(plan.budget.spent)} of ${money(plan.budget.limit)}.${tail}`;
  }
}

/** Thanks, greetings in passing and chit-chat: a short friendly reply, never "I didn't catch that". */
const CHIT_CHAT = new Set(
  'ok okay k kk cool thanks thank thx ty you bye goodbye great perfect awesome nice got it sounds good looks see ya later cheers alright sweet appreciate much lol haha all set done that helps this is love night gn'.split(
    ' ',
  ),
);

export function smallTalk(text: string): string | null {
  const t = normalizeText(text).replace(/[!.?\s]+$/, '');
  const words = t.split(/[^a-z']+/).filter(Boolean);
  // "ok cool bye", "thanks, see ya": nothing but pleasantries.
  if (words.length > 0 && words.length <= 8 && words.every((w) => CHIT_CHAT.has(w))) {
    return /\b(bye|goodbye|later|night|gn)\b/.test(t)
      ? 'Take care! Your plan will be here when you come back.'
      : /\b(thanks|thank|thx|ty|appreciate|cheers)\b/.test(t)
        ? "You're welcome! I'm here whenever you want to change the plan, log what you bought, or ask a question."
        : 'Glad it helps! Tell me if anything changes, or what you buy, and I will keep the plan up to date.';
  }
  if (
    /^(thanks|thank you|thx|ty|cheers|much appreciated|appreciate it)\b|\b(looks good|sounds good|perfect|great|awesome|that helps|this is great|love it)\b.*\b(thanks|thank you)\b/.test(
      t,
    )
  )
    return "You're welcome! I'm here whenever you want to change the plan, log what you bought, or ask a question.";
  if (
    /^(looks good|sounds good|perfect|great|awesome|cool|nice|ok|okay|k|got it|alright|all good|sweet|love it|that helps|good)$/.test(
      t,
    )
  )
    return 'Glad it helps! Tell me if anything changes, or what you buy, and I will keep the plan up to date.';
  if (/\b(tell me a joke|know any jokes|a joke)\b/.test(t))
    return 'Why did the prepper bring a ladder to the store? Because prices were going through the roof. Now, anything I can do for your plan?';
  if (/^(how are you|how's it going|how are things|what's up|sup)\b/.test(t))
    return "I'm well, thanks for asking! Want to work on your plan?";
  if (/^(who are you|what are you|are you a (bot|robot|human|person|ai))\b/.test(t))
    return "I'm ReadyPlan's assistant: I build your household's emergency plan and keep it up to date.";
  if (/^(bye|goodbye|see you|see ya|later|good night|gn)\b/.test(t))
    return 'Take care! Your plan will be here when you come back.';
  return null;
}

/** The tier table in words, from checkTier's entitlements (prices are on the pricing page). */
export function tiersAnswer(out: Record<string, unknown>, channel: Channel): string {
  const tiers = (out.tiers ?? {}) as Record<string, Record<string, unknown>>;
  const line = (name: string, e: Record<string, unknown> | undefined) => {
    if (!e) return '';
    const parts = [
      e.savedPlans === 'unlimited' ? 'unlimited saved plans' : '1 saved plan',
      e.inventoryTracking ? 'inventory tracking' : '',
      e.expiryCheckins ? 'expiry check-ins' : '',
      e.founderGroupCalls ? 'founder group calls' : '',
      e.expertCalls ? 'expert calls and recordings' : '',
      Number(e.oneOnOneCallsPerQuarter) > 0 ? `${e.oneOnOneCallsPerQuarter} 1-on-1 call a quarter` : '',
    ].filter(Boolean);
    return `${name}: ${parts.join(', ')}`;
  };
  const lines = [line('Free', tiers.FREE), line('Basic', tiers.BASIC), line('Pro', tiers.PRO)].filter(
    Boolean,
  );
  const mine = out.tier ? `You're on ${String(out.tier)}. ` : '';
  const url = String(out.pricingUrl ?? out.upgradeUrl ?? '');
  const prices = url ? (channel === 'web' ? `Current prices: [see plans](${url})` : `Prices: ${url}`) : '';
  return `${mine}${channel === 'sms' ? lines.join('. ') : lines.map((l) => `${channel === 'web' ? '- ' : '• '}${l}`).join('\n')}\n${prices}`.trim();
}
