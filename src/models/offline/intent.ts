import { UUID_TEXT } from '../../domain/ids.ts';
import { extractInventory, type InventoryStatement } from './inventory.ts';
import { type PreferenceEdit, parsePreferenceEdit } from './notifications.ts';
import { normalizeText } from './numbers.ts';

/** What a message asks for, decided before any tool runs. */
export type Intent =
  | { kind: 'greeting' }
  | { kind: 'help' }
  | { kind: 'inventory-update'; statements: InventoryStatement[] }
  | { kind: 'notifications'; edit: PreferenceEdit }
  | { kind: 'inventory-list'; expiring: boolean }
  | { kind: 'show-plan' }
  | { kind: 'save-plan' }
  | { kind: 'tier' }
  | { kind: 'calls' }
  | { kind: 'book-call'; callId: string | null; ordinal: number | null }
  | { kind: 'rations' }
  | { kind: 'products'; query: string }
  | { kind: 'bundles' }
  | { kind: 'skills'; query: string }
  | { kind: 'question'; question: string }
  | { kind: 'plan' };

const UUID = new RegExp(`\\b(${UUID_TEXT})\\b`, 'i');

export function isQuestion(t: string): boolean {
  return (
    /\?\s*$/.test(t) ||
    /^(how|what|why|when|where|which|who|should|can|could|is|are|do|does|will|would|tips|explain|tell me)\b/.test(
      t,
    )
  );
}

const PLAN_WORDS =
  /\b(plan|kit|prepare[ds]?|preparedness|prepping|prep|ready|readiness|stock ?pile|supplies|survive|self[- ]sufficien\w*|bug[- ]?out|emergency|disaster)\b/;

/**
 * Classifies one message. Inventory statements win over plan facts ("we have 3 flashlights"), questions go
 * to the knowledge base unless they ask about the plan, inventory, tier, calls, rations, products or skills.
 */
export function classify(text: string): Intent {
  const raw = text.trim();
  const t = normalizeText(raw);
  if (/^\/start\b|^(hi|hello|hey|hiya|howdy|good (morning|afternoon|evening))[!. ]*$/.test(t))
    return { kind: 'greeting' };
  // A wave or a smiley alone ("👋", "🙂"): a hello, answered with what to say next.
  if (/^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|[\s!.])+$/u.test(raw))
    return { kind: 'greeting' };
  if (/^\/help\b|^(help|menu|\?|what can you do\??|commands)[!. ]*$/.test(t)) return { kind: 'help' };
  if (/^\/plan\b/.test(t)) return { kind: 'show-plan' };
  if (/^\/inventory\b/.test(t)) return { kind: 'inventory-list', expiring: false };
  // "text me on Sundays at 6pm", "stop reminders": before inventory and plan facts, whose words it shares.
  const edit = /\?\s*$/.test(t) ? null : parsePreferenceEdit(t);
  if (edit) return { kind: 'notifications', edit };

  const bookId = UUID.exec(raw);
  if (/\bbook\b/.test(t) && bookId)
    return { kind: 'book-call', callId: bookId[1]!.toLowerCase(), ordinal: null };
  const ordinal = /\bbook (?:the )?(first|second|third|1st|2nd|3rd|\d)\b/.exec(t);
  if (ordinal) {
    const map: Record<string, number> = { first: 1, second: 2, third: 3, '1st': 1, '2nd': 2, '3rd': 3 };
    return { kind: 'book-call', callId: null, ordinal: map[ordinal[1]!] ?? Number(ordinal[1]) };
  }
  if (
    /\b(expert|founder|1[- ]on[- ]1|one[- ]on[- ]one|group) calls?\b|\b(book|schedule) a call\b|\btalk to an expert\b|\bbook (me )?(on|for|into) (the|a)\b.*\b(1[- ]on[- ]1|review|call|session|advisor|consultation)\b/.test(
      t,
    )
  ) {
    return { kind: 'calls' };
  }
  if (
    /\b(my (tier|subscription|membership|account type)|what (tier|plan) am i|am i (on )?(pro|basic|free)|upgrade|pricing|what does (pro|basic) include)\b/.test(
      t,
    )
  ) {
    return { kind: 'tier' };
  }
  if (/\bsave (it|this|that|the plan|my plan|this plan)\b|^save\b/.test(t)) return { kind: 'save-plan' };

  const statements = extractInventory(t);
  if (statements.length > 0 && !/\?\s*$/.test(t) && !/^(how|what|why|should|can|do|does)\b/.test(t)) {
    return { kind: 'inventory-update', statements };
  }
  if (/\b(what'?s expiring|expir\w+ soon|about to expire|what expires)\b/.test(t))
    return { kind: 'inventory-list', expiring: true };
  if (
    /\b(my inventory|what do (i|we) (have|own)|show (my |our )?(inventory|stock|supplies)|list (my |our )?(inventory|stuff|supplies)|how many days of (water|food)|days of supply)\b/.test(
      t,
    )
  ) {
    return { kind: 'inventory-list', expiring: false };
  }
  if (
    /\b(show|see|open|send|view|what'?s in|where'?s|get) (me )?(my|our|the) (saved )?(plan|kit|report)\b|^(my )?plan\??$/.test(
      t,
    )
  ) {
    return { kind: 'show-plan' };
  }

  const question = isQuestion(t);
  if (question && /\bhow (much|many) (water|gallons|calories|kcal|food)\b/.test(t))
    return { kind: 'rations' };
  const product =
    /\b(recommend|suggest|find|search|looking for|need a|where (can|do) i buy|which|best)\b.*?\b(filter|stove|radio|flashlight|lantern|headlamp|generator|kit|tent|water container|water storage|first aid|batter(?:y|ies)|purifier|sleeping bag|backpack|bucket|mre|food)\b/.exec(
      t,
    );
  if (/\b(bundles?|pre-?made kits?|ready-?made kits?|starter kits?)\b/.test(t)) return { kind: 'bundles' };
  if (product && !PLAN_WORDS.test(t.replace(/\bkit\b|\bfirst aid\b/g, ''))) {
    return {
      kind: 'products',
      query: raw.replace(
        /^(can you |please )?(recommend|suggest|find|search for|i'm looking for|looking for)\s*/i,
        '',
      ),
    };
  }
  if (/\b(learn|course|class|training|teach me|resources? (for|on|about)|videos? (on|about))\b/.test(t)) {
    return { kind: 'skills', query: raw };
  }
  if (
    question &&
    !/\b(make|build|create|give|need|want|get)\b.*\b(plan|kit)\b/.test(t) &&
    !/\b(for|with) (a family|my|our|\d)\b/.test(t)
  ) {
    return { kind: 'question', question: raw };
  }
  return { kind: 'plan' };
}

const GO_AHEAD =
  /^\s*(?:(?:yes|yeah|yep|yup|ok|okay|sure|great|perfect|please)\b[\s,.!]*)*(?:(?:go ahead|do it|build it|make it|create it|run it|show (?:it|me)|let'?s (?:do it|go|see it)|sounds good|looks good)\b[\s,.!]*(?:please)?[\s.!]*)?$/i;

/** "yes, build it", "ok go ahead", "sounds good": a go-ahead that names nothing to change. */
export function goAhead(text: string): boolean {
  return GO_AHEAD.test(text);
}

export function planWords(text: string): boolean {
  return PLAN_WORDS.test(normalizeText(text));
}
