import { type Dialogue, dialogueSpec } from '../types.ts';
import { corrections } from './corrections.ts';
import { followUps } from './follow-ups.ts';
import { fresh } from './fresh.ts';
import { guidance } from './guidance.ts';
import { injection } from './injection.ts';
import { intake } from './intake.ts';
import { inventory } from './inventory.ts';
import { notifications } from './notifications.ts';
import { places } from './places.ts';
import { planQuestions } from './plan-questions.ts';
import { realChanges } from './real-changes.ts';
import { realPeople } from './real-people.ts';
import { realQuestions } from './real-questions.ts';
import { safety } from './safety.ts';
import { smallTalk } from './small-talk.ts';
import { smsKeywords } from './sms-keywords.ts';
import { tiers } from './tiers.ts';
import { variants } from './variants.ts';

/** Every dialogue, validated once: a malformed one fails the run by name, and ids are unique. */
function load(): Dialogue[] {
  const all = [
    ...intake,
    ...corrections,
    ...places,
    ...planQuestions,
    ...guidance,
    ...smallTalk,
    ...smsKeywords,
    ...inventory,
    ...tiers,
    ...safety,
    ...injection,
    ...followUps,
    ...variants,
    ...fresh,
    ...notifications,
    ...realPeople,
    ...realChanges,
    ...realQuestions,
  ];
  const seen = new Set<string>();
  return all.map((d) => {
    const parsed = dialogueSpec.safeParse(d);
    if (!parsed.success)
      throw new Error(
        `dialogue ${d.id}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      );
    if (seen.has(d.id)) throw new Error(`dialogue id ${d.id} is used twice`);
    seen.add(d.id);
    return parsed.data;
  });
}

export const DIALOGUES: Dialogue[] = load();
