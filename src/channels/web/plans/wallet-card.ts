import type { GeneratedKit } from '../../../domain/generated-kit.ts';
import { scenarioLabel } from '../shared/html.ts';

/**
 * The family emergency wallet card, after Ready.gov's Family Emergency Communication Plan: who is in the
 * household, where to meet, whom to call, and the first three things to do for each of the plan's
 * hazards. Blank lines are left for what only the family knows (names, numbers, the meeting places).
 */

export const POISON_CONTROL = '1-800-222-1222';

/** First three actions per hazard, condensed from the Ready.gov hazard pages cited beside each. */
export const FIRST_ACTIONS: Record<string, { actions: [string, string, string]; source: string }> = {
  hurricane: {
    actions: [
      'Know your evacuation zone and leave at once if officials order it.',
      'If you stay, shelter in an interior room away from windows, on the lowest floor above flooding.',
      "Never walk or drive through flood water: turn around, don't drown.",
    ],
    source: 'https://www.ready.gov/hurricanes',
  },
  flood: {
    actions: [
      'Move to higher ground now and follow evacuation orders.',
      "Turn around, don't drown: 6 inches of moving water can knock you down, 1 foot can float a car.",
      'Stay off bridges over fast water; leave a flooding building only if it is safe.',
    ],
    source: 'https://www.ready.gov/floods',
  },
  tornado: {
    actions: [
      'Go to a basement or a small interior room without windows on the lowest floor.',
      'Cover your head and neck with your arms, and with blankets or a mattress.',
      'Leave mobile homes and cars for a sturdy building; do not shelter under an overpass.',
    ],
    source: 'https://www.ready.gov/tornadoes',
  },
  earthquake: {
    actions: [
      'Drop, Cover, and Hold On until the shaking stops.',
      'Stay where you are: do not run outside; in bed, cover your head with a pillow.',
      'After shaking: check for injuries and gas leaks, expect aftershocks; near the coast, go to high ground.',
    ],
    source: 'https://www.ready.gov/earthquakes',
  },
  wildfire: {
    actions: [
      'Leave immediately when told to evacuate; do not wait.',
      'Wear an N95 respirator against smoke; keep doors and windows closed.',
      'If trapped, call 911 and give your location; turn on lights so rescuers can see you.',
    ],
    source: 'https://www.ready.gov/wildfires',
  },
  'winter-storm': {
    actions: [
      'Stay off the roads; stay indoors and dress in layers.',
      'Never run a generator, grill or camp stove indoors: carbon monoxide kills.',
      'Watch for frostbite and hypothermia; keep one room warm with safe heat.',
    ],
    source: 'https://www.ready.gov/winter-weather',
  },
  'extreme-heat': {
    actions: [
      'Stay in air conditioning, or go to a public cooling center.',
      'Drink water often; never leave people or pets in a closed car.',
      'Heat stroke is an emergency: call 911 and cool the person at once.',
    ],
    source: 'https://www.ready.gov/heat',
  },
  pandemic: {
    actions: [
      'Stay home when sick and keep the sick person apart from others.',
      'Wash hands for 20 seconds; wear a mask indoors in crowds when advised.',
      'Keep 30 days of prescriptions and follow public health guidance.',
    ],
    source: 'https://www.ready.gov/pandemic',
  },
  'grid-down': {
    actions: [
      'Unplug appliances and electronics; keep one light on to know when power returns.',
      'Keep the fridge and freezer closed; discard food above 40 °F for 2 hours.',
      'Run generators outdoors only, 20 feet from windows and doors.',
    ],
    source: 'https://www.ready.gov/power-outages',
  },
  nuclear: {
    actions: [
      'Get inside: go to the basement or middle of the nearest sturdy building.',
      'Stay inside for at least 24 hours unless officials say otherwise.',
      'Stay tuned to official alerts; remove outer clothing and wash if outside during fallout.',
    ],
    source: 'https://www.ready.gov/radiation',
  },
  'civil-unrest': {
    actions: [
      'Stay away from crowds and the affected area; stay indoors.',
      'Keep phones charged and follow official alerts and local news.',
      'Keep go-bags ready and a way out if officials tell you to leave.',
    ],
    source: 'https://www.ready.gov/plan',
  },
  'economic-collapse': {
    actions: [
      'Keep cash in small bills and paper copies of key documents and accounts.',
      'Ration stored food and water early, not late.',
      'Stay in touch with neighbors: share skills and trade goods.',
    ],
    source: 'https://www.ready.gov/financial-preparedness',
  },
};

export type WalletCard = {
  title: string;
  location: string;
  household: string[];
  meetingPoints: { label: string; hint: string }[];
  outOfAreaContact: string;
  keyNumbers: { label: string; number: string }[];
  hazards: { id: string; name: string; actions: string[]; source: string }[];
  reminders: string[];
};

/** "Right outside your home: a fixed spot …" → { label: "Right outside your home", hint: "a fixed spot …" } */
function splitPoint(point: string): { label: string; hint: string } {
  const i = point.indexOf(':');
  return i > 0 ? { label: point.slice(0, i), hint: point.slice(i + 1).trim() } : { label: point, hint: '' };
}

export function walletCard(kit: GeneratedKit, maxHazards = 4): WalletCard {
  const household = [
    ...kit.household.members.map((m) => m.label),
    ...kit.household.pets.map((p) => `${p.species} (${p.weightLb} lb)`),
  ];
  const hazards = kit.scenarios
    .filter((s) => FIRST_ACTIONS[s])
    .slice(0, maxHazards)
    .map((s) => ({
      id: s,
      name: scenarioLabel(s),
      actions: [...FIRST_ACTIONS[s]!.actions],
      source: FIRST_ACTIONS[s]!.source,
    }));
  return {
    title: 'Family Emergency Card',
    location: kit.location.input,
    household,
    meetingPoints: kit.evacuation.meetingPoints.slice(0, 3).map(splitPoint),
    outOfAreaContact:
      kit.evacuation.outOfAreaContact ??
      'An out-of-area relative or friend everyone calls or texts: local lines jam, long-distance calls get through.',
    keyNumbers: [
      { label: 'Emergency (police, fire, ambulance)', number: '911' },
      { label: 'Poison Control', number: POISON_CONTROL },
      { label: 'Local emergency management', number: '' },
      { label: 'Out-of-area contact', number: '' },
      { label: 'Doctor / pharmacy', number: '' },
    ],
    hazards,
    reminders: [
      'Text, don\u2019t call, when networks are busy.',
      'Sign up for local alerts; keep a NOAA weather radio.',
      `Water: ${kit.rationPlan.water.gallonsPerDay} gal a day for the household.`,
    ],
  };
}
