import type { PlanHeadline, PlanSummary } from '../../../tools/plan-summary.ts';
import type { AppliedChange } from '../../../tools/update-inventory.ts';
import { planAnswer, planTopic, tiersAnswer } from './answers.ts';
import { abroadNote, ask, type Conclusion, call, say, whichPlace } from './conclusion.ts';
import { hasFacts, type Profile } from './facts.ts';
import { turnIntent } from './first-step.ts';
import { guidanceAnswer, type Passage } from './guidance.ts';
import { classify, goAhead } from './intent.ts';
import { preferenceReply } from './notifications.ts';
import { currentPlanReply, planReply } from './plan-reply.ts';
import type { ReadPrompt, ToolExchange } from './prompt.ts';
import { type Channel, type DaysLine, inventoryReply } from './replies.ts';
import { bold } from './reply-format.ts';
import { bundlesText, listText, productsText, rationsText, skillsText, tierText } from './result-texts.ts';

const STOP_WORDS = new Set('the a an on in of to for with me my and or at by is are be i we our'.split(' '));

function sharedWords(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .split(/[^a-z0-9-]+/)
        .filter((w) => w.length > 1 && !STOP_WORDS.has(w)),
    );
  const x = words(a);
  return [...words(b)].filter((w) => x.has(w)).length;
}

type Failure = { ok: false; error: { code: string; message: string }; url?: string; hint?: string };
const isFailure = (o: unknown): o is Failure =>
  !!o && typeof o === 'object' && (o as { ok?: unknown }).ok === false;

function failureText(ex: ToolExchange, f: Failure, channel: Channel): string {
  const link = f.url
    ? channel === 'web'
      ? `[${f.hint === 'signup' ? 'Create a free account' : 'See plans'}](${f.url})`
      : f.url
    : '';
  switch (f.error.code) {
    case 'UNAUTHENTICATED':
      return `${f.error.message}${link ? ` ${link}` : ''}`;
    case 'TIER_LIMIT':
      return `${f.error.message}${link ? ` ${link}` : ''}`;
    case 'NOT_FOUND':
      return ex.toolName === 'getPlan'
        ? "I couldn't find a saved plan. Tell me where you live and who's in your household and I'll build one."
        : `I couldn't find that (${f.error.message}).`;
    default:
      return `I couldn't do that: ${f.error.message}.`;
  }
}

/** After the tools of this turn have answered: the next call, or the reply written from their results. */
export function proceed(r: ReadPrompt, done: ToolExchange[]): Conclusion {
  const ctx = r.context;
  const channel = ctx.channel as Channel;
  const last = done[done.length - 1]!;
  const { facts } = turnIntent(r.current, ctx.household);
  if (last.error) {
    const again = done.filter((e) => e.toolName === last.toolName && e.error).length;
    return say(
      again > 1
        ? 'Sorry — something went wrong on my side. Please try again in a moment.'
        : `Sorry — I couldn't complete that (${last.toolName}). Please try again or rephrase.`,
    );
  }
  const out = last.output as Record<string, unknown>;
  if (isFailure(out)) {
    if (last.toolName === 'savePlan') {
      const built = done.find((e) => e.toolName === 'buildPlan' && !isFailure(e.output));
      if (built)
        return planFrom(built, null, out.url ?? `${ctx.publicUrl}/signup`, channel, facts.assumptions, done);
    }
    if (last.toolName === 'getPlan' && classify(r.current).kind === 'skills') {
      return call('findSkillResources', { query: r.current.slice(0, 200), limit: 5 });
    }
    if (last.toolName === 'updateHousehold' || last.toolName === 'buildPlan') {
      return say(`I couldn't use that: ${out.error.message}. Could you say it another way?`);
    }
    return say(failureText(last, out, channel));
  }
  switch (last.toolName) {
    case 'updateHousehold': {
      const household = (out.household ?? {}) as Profile;
      const missing = (out.missing as ('location' | 'members')[] | undefined) ?? [];
      if (missing[0] === 'location' && facts.ambiguousPlace) return whichPlace(facts.ambiguousPlace);
      if (missing.length > 0) {
        const asked = ask(missing[0]!, household, channel, facts.assumptions);
        return facts.abroad && 'text' in asked
          ? { ...asked, text: `${abroadNote(household.location ?? '')} ${asked.text}` }
          : asked;
      }
      if (Number(out.changes ?? 0) === 0 && (ctx.hasDraft || ctx.planId))
        return say(
          `Nothing changed: ${String(out.changed || 'that is what I already have')}.`.replace(/\.\.$/, '.'),
        );
      if (classify(r.current).kind === 'rations') return call('calcRations');
      return call('buildPlan');
    }
    case 'buildPlan': {
      const topic = planTopic(r.current);
      if (topic && !hasFacts(facts.edits))
        return say(planAnswer(topic, r.current, (out as { plan: PlanSummary }).plan, channel));
      if (ctx.signedIn) return call('savePlan');
      return planFrom(last, null, `${ctx.publicUrl}/signup`, channel, facts.assumptions, done);
    }
    case 'savePlan': {
      const built = done.find((e) => e.toolName === 'buildPlan');
      const source = built ?? last;
      return planFrom(
        source,
        { url: String(out.url), replaced: out.overwritten === true },
        null,
        channel,
        facts.assumptions,
        done,
      );
    }
    case 'getPlan': {
      const plan = out.plan as PlanSummary;
      const topic = planTopic(r.current);
      if (topic) return say(planAnswer(topic, r.current, plan, channel));
      if (goAhead(r.current)) return say(currentPlanReply(plan, channel));
      if (classify(r.current).kind === 'skills' && plan.skillGapIds.length > 0) {
        return call('findSkillResources', { skills: plan.skillGapIds.slice(0, 4), limit: 6 });
      }
      return say(
        planReply(plan, channel, {
          url: plan.url,
          signupUrl: ctx.signedIn ? null : `${ctx.publicUrl}/signup`,
          assumptions: [],
          defaultsUsed: {},
        }),
      );
    }
    case 'updateInventory': {
      const text = inventoryReply(out.changes as AppliedChange[], out.daysOfSupply as DaysLine[], channel);
      if (out.tracked !== false) return say(text);
      // No upgrade link on a self-hosted server (billing off): there, an account is all tracking needs.
      const url = String(out.upgradeUrl ?? out.signupUrl ?? '');
      const more = out.upgradeUrl
        ? `${channel === 'web' ? `[Basic](${url})` : `Basic (${url})`} adds inventory tracking`
        : `${channel === 'web' ? `[a free account](${url})` : `a free account (${url})`} keeps your inventory`;
      return say(
        `Noted — it counts toward your plan.\n${text}\nTo keep expiry dates and get restock reminders, ${more}.`.replace(
          /\n/g,
          channel === 'sms' ? ' ' : '\n',
        ),
      );
    }
    case 'listInventory':
      return say(listText(out, channel));
    case 'notificationPreferences':
      return say(preferenceReply(out, channel, ctx.publicUrl));
    case 'searchGuidance':
      return say(guidanceAnswer(r.current, out.passages as Passage[], channel));
    case 'calcRations':
      return say(rationsText(out, channel));
    case 'searchProducts':
      return say(productsText(out, channel));
    case 'matchBundles':
      return say(bundlesText(out, channel));
    case 'findSkillResources':
      return say(skillsText(out, channel));
    case 'checkTier':
      return say(
        out.tier && !/\b(tiers|what do they cost|prices|pricing|plans do you)\b/i.test(r.current)
          ? tierText(out, channel)
          : tiersAnswer(out, channel),
      );
    case 'listExpertCalls': {
      const calls = (out.calls ?? []) as {
        id: string;
        title: string;
        scheduledDate: string;
        tierRequired: string;
        seatsLeft: number | null;
        booked: boolean;
        expertName: string | null;
      }[];
      const intent = classify(r.current);
      if (intent.kind === 'book-call' && intent.ordinal !== null) {
        const chosen = calls[intent.ordinal - 1];
        if (chosen) return call('bookExpertCall', { callId: chosen.id });
      }
      // "book me on the 1-on-1 plan review": the call whose title the message names.
      if (/\bbook\b/i.test(r.current)) {
        const named = calls.find((c) => sharedWords(c.title, r.current) >= 2);
        if (named && !named.booked) return call('bookExpertCall', { callId: named.id });
      }
      if (calls.length === 0) return say('There are no upcoming calls scheduled right now.');
      const lines = calls.map((c, i) => {
        const when = c.scheduledDate.slice(0, 10);
        return `${i + 1}. ${c.title}${c.expertName ? ` with ${c.expertName}` : ''} — ${when} (${c.tierRequired}${c.seatsLeft !== null ? `, ${c.seatsLeft} seat${c.seatsLeft === 1 ? '' : 's'} left` : ''}${c.booked ? ', booked' : ''})`;
      });
      return say(
        `${channel === 'sms' ? 'Upcoming calls:' : bold(channel, 'Upcoming calls:')}\n${lines.join('\n')}`,
        calls
          .slice(0, 4)
          .map((c) => ({ label: `Book: ${c.title}`.slice(0, 40), value: `book call ${c.id}` })),
      );
    }
    case 'bookExpertCall': {
      const b = out.booking as {
        title: string;
        scheduledDate: string;
        alreadyBooked: boolean;
        calendarUrl?: string;
      };
      const calendar = b.calendarUrl
        ? channel === 'web'
          ? ` [Add to calendar](${b.calendarUrl})`
          : ` Add to calendar: ${b.calendarUrl}`
        : '';
      return say(
        b.alreadyBooked
          ? `You're already booked on "${b.title}" (${b.scheduledDate.slice(0, 16).replace('T', ' ')} UTC).${calendar}`
          : `Booked: "${b.title}" on ${b.scheduledDate.slice(0, 16).replace('T', ' ')} UTC. You'll get the link before it starts.${calendar}`,
      );
    }
    default:
      return say('Done.');
  }
}

function planFrom(
  built: ToolExchange,
  saved: { url: string; replaced: boolean } | null,
  signupUrl: string | null,
  channel: Channel,
  assumptions: string[],
  done: ToolExchange[] = [],
): Conclusion {
  const out = built.output as {
    plan: PlanSummary;
    defaultsUsed?: Record<string, unknown>;
    previous?: PlanHeadline | null;
    care?: string[];
  };
  const edit = done.find((e) => e.toolName === 'updateHousehold' && !isFailure(e.output))?.output as
    | { changed?: string; unmatched?: string[] }
    | undefined;
  const text = planReply(out.plan, channel, {
    changed: edit?.changed ?? '',
    unmatched: edit?.unmatched ?? [],
    previous: out.previous ?? null,
    care: out.care ?? [],
    url: saved?.url ?? out.plan.url,
    signupUrl: saved ? null : signupUrl,
    assumptions,
    defaultsUsed: out.defaultsUsed ?? {},
    replaced: saved?.replaced ?? false,
  });
  if (channel === 'sms') return say(text);
  return say(text, [
    out.plan.durationDays < 365
      ? { label: 'Make it 1 year', value: 'now make it a year' }
      : { label: 'Back to 2 weeks', value: 'make it two weeks' },
    { label: 'Skills to learn', value: 'what skills should we learn?' },
  ]);
}
