import type { PlanSummary } from '../../agents/index.ts';

/** A quick reply: what the button says, and the message it sends. */
export type Choice = { label: string; value: string };

/** The plan's headline numbers, for a card on the web and a compact block elsewhere. */
export type PlanCard = {
  planId: string | null;
  url: string | null;
  title: string;
  location: string;
  people: number;
  pets: number;
  durationDays: number;
  scenarios: string[];
  waterGallonsPerDay: number;
  waterGallons: number;
  foodKcalPerDay: number;
  foodKcal: number;
  readinessScore: number;
  budget: { limit: number; spent: number; coverage: number };
  buyFirst: { name: string; quantity: number; lineTotal: number }[];
};

/**
 * One channel-neutral reply: text (Markdown), and optionally choices, a link and a plan card. Each channel
 * renders it in its own way (src/channels/{web/chat,telegram,sms}/render.ts).
 */
export type Reply = {
  conversationId: string;
  text: string;
  choices?: Choice[];
  link?: { label: string; url: string };
  planCard?: PlanCard;
  /** The tools this turn called, in order (for progress chips and logs). */
  toolCalls: { toolName: string; ok: boolean }[];
  status: 'ok' | 'error';
  /** Send nothing (an SMS number that replied STOP): the turn is recorded, the channel stays quiet. */
  silent?: boolean;
};

/** The structured parts of a reply as the thread stores them (the next turn reads its choices back). */
export function storedReplyParts(reply: Pick<Reply, 'choices' | 'link' | 'planCard'>): unknown[] {
  return [
    ...(reply.choices ? [{ type: 'choices', choices: reply.choices }] : []),
    ...(reply.link ? [{ type: 'link', ...reply.link }] : []),
    ...(reply.planCard ? [{ type: 'plan-card', card: reply.planCard }] : []),
  ];
}

export function planCardOf(plan: PlanSummary): PlanCard {
  return {
    planId: plan.planId,
    url: plan.url,
    title: plan.title,
    location: plan.location.input,
    people: plan.people,
    pets: plan.pets.length,
    durationDays: plan.durationDays,
    scenarios: plan.scenarios,
    waterGallonsPerDay: plan.water.gallonsPerDay,
    waterGallons: plan.water.totalGallons,
    foodKcalPerDay: plan.food.kcalPerDay,
    foodKcal: plan.food.totalKcal,
    readinessScore: plan.readinessScore,
    budget: { limit: plan.budget.limit, spent: plan.budget.spent, coverage: plan.budget.coverage },
    buyFirst: plan.buyFirst.map((b) => ({ name: b.name, quantity: b.quantity, lineTotal: b.lineTotal })),
  };
}

type Exchange = { toolName: string; input: unknown; output: unknown; ok: boolean };

const okOutput = (e: Exchange) =>
  e.ok && !!e.output && typeof e.output === 'object' && (e.output as { ok?: unknown }).ok !== false;

/** The structured parts of a reply, read from the turn's tool calls and results. */
export function replyParts(exchanges: Exchange[]): Pick<Reply, 'choices' | 'link' | 'planCard'> {
  const parts: Pick<Reply, 'choices' | 'link' | 'planCard'> = {};
  const work = exchanges.filter((e) => e.toolName !== 'presentChoices');
  const lastWork = work[work.length - 1];
  for (const e of exchanges) {
    // A plan looked up on the way to something else (skills to learn) is not the answer: no card.
    if (e.toolName === 'getPlan' && e !== lastWork) continue;
    const out = e.output as Record<string, unknown> | undefined;
    if (e.toolName === 'presentChoices' && e.ok) {
      const choices = (e.input as { choices?: Choice[] })?.choices;
      if (Array.isArray(choices) && choices.length > 0) parts.choices = choices;
      continue;
    }
    if (!out) continue;
    if (!okOutput(e)) {
      if (typeof out.url === 'string') {
        parts.link = { label: out.hint === 'signup' ? 'Create a free account' : 'See plans', url: out.url };
      }
      continue;
    }
    if ((e.toolName === 'buildPlan' || e.toolName === 'getPlan' || e.toolName === 'savePlan') && out.plan) {
      const plan = out.plan as PlanSummary;
      parts.planCard = planCardOf(plan);
      if (plan.url) parts.link = { label: 'Open your plan', url: plan.url };
    }
    if (e.toolName === 'savePlan' && typeof out.url === 'string') {
      parts.link = { label: 'Open your plan', url: out.url };
    }
  }
  return parts;
}
