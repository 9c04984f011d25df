import type { Profile } from './facts.ts';
import { askFor, type Channel } from './replies.ts';

/** What one step concludes: text to say (with choices to offer), or a tool to call (with text before it). */
export type Choice = { label: string; value: string };
export type Conclusion =
  | { text: string; choices?: Choice[] }
  | { call: { toolName: string; input: Record<string, unknown> }; text?: string };

export const say = (text: string, choices?: Choice[]): Conclusion => (choices ? { text, choices } : { text });
export const call = (toolName: string, input: Record<string, unknown> = {}, text?: string): Conclusion =>
  text ? { call: { toolName, input }, text } : { call: { toolName, input } };

const MEMBER_CHOICES: Choice[] = [
  { label: 'Just me', value: 'just me' },
  { label: '2 adults', value: '2 adults' },
  { label: '2 adults + 2 kids', value: '2 adults and 2 kids' },
];

/** Said as soon as a place abroad is heard, so nobody waits for a plan to learn it is generic. */
export function abroadNote(place: string): string {
  return `${place} is outside the United States, so I'll make a generic plan: no local hazard data, a temperate climate, and the scenarios you choose.`;
}

export function whichPlace(place: { name: string; states: string[] }): Conclusion {
  return say(
    `Which ${place.name} do you mean: ${place.states.map((s) => `${place.name}, ${s}`).join(' or ')}? Reply with the state (or a ZIP code).`,
    place.states.slice(0, 4).map((s) => ({ label: `${place.name}, ${s}`, value: `${place.name}, ${s}` })),
  );
}

export function ask(
  missing: 'location' | 'members',
  profile: Profile,
  channel: Channel,
  assumptions: string[],
): Conclusion {
  return say(
    askFor(missing, profile, channel, assumptions),
    missing === 'members' ? MEMBER_CHOICES : undefined,
  );
}
