import type { DialogueSpec } from '../types.ts';
import { ORG, opening } from './common.ts';

/** Questions as people asked them in a chat session; each got a wrong or empty answer once. */
export const realQuestions: DialogueSpec[] = [
  {
    id: 'guide-generator-indoors',
    title: '"is a generator safe indoors?" says never indoors, not how to wire one',
    theme: 'guidance',
    channel: 'web',
    issue: 'answered with backfeeding and extension cords',
    turns: [
      {
        say: 'is a generator safe indoors?',
        says: [/never/i, /garage|basement|inside a home/i, ORG],
        saysNot: [/backfeed/i],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-stored-water-lasts',
    title: '"how long does stored water last?" gives the six-month rule, no lead-in left hanging',
    theme: 'guidance',
    channel: 'telegram',
    issue: 'answered with what to store it in, ending on "If you fill your own containers:"',
    turns: [
      {
        say: 'how long does stored water last?',
        says: [/six months|6 months/i],
        saysNot: [/containers:\s*$/im],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'plan-what-do-i-do-first',
    title: '"what do I do first?" with a plan answers from it, not a first-aid page',
    theme: 'plan-question',
    channel: 'web',
    issue: 'answered with the Red Cross first aid introduction',
    turns: [
      opening('single dad, me 40 and my son 9 in Denver CO, $200'),
      {
        say: 'what do I do first?',
        says: [/first/i, /\$\d+\.\d\d/],
        saysNot: [/first aid/i],
        tools: { called: ['getPlan'], notCalled: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-power-goes-out',
    title: '"what should i do if the power goes out" gives the outage steps, not a food-safety introduction',
    theme: 'guidance',
    channel: 'telegram',
    issue: 'answered with an introduction to food safety and no steps',
    turns: [
      {
        say: 'what should i do if the power goes out',
        says: [/refrigerator|freezer/i, /unplug|generator|flashlight/i, ORG],
        saysNot: [/Know them before an outage\.?\s*$/m],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-pool-water',
    title: '"is it ok to drink pool water" says do not, first',
    theme: 'guidance',
    channel: 'web',
    issue: 'answered with the heat-illness "stay hydrated" list',
    turns: [
      {
        say: 'is it ok to drink pool water',
        says: [/do not drink/i, /pool/i],
        saysNot: [/stay hydrated/i],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-store-generator-fuel',
    title: '"how do i store gas for the generator" gives fuel storage',
    theme: 'guidance',
    channel: 'sms',
    issue: 'answered with where not to run a generator',
    turns: [
      {
        say: 'how do i store gas for the generator',
        says: [/approved containers|stabilizer/i],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-during-earthquake',
    title: '"what do i do in an earthquake" gives drop, cover, hold on as steps',
    theme: 'guidance',
    channel: 'web',
    issue: 'answered with the introduction only',
    turns: [
      {
        say: 'what do i do in an earthquake',
        says: [/hands and knees/i, /cover your head/i, ORG],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-tap-water-after-quake',
    title: '"is tap water safe after an earthquake" answers about the water, not drop-cover-hold-on',
    theme: 'guidance',
    channel: 'telegram',
    issue: 'answered with the earthquake introduction',
    turns: [
      {
        say: 'is tap water safe after an earthquake',
        says: [/boil water|do not drink|advisory/i],
        saysNot: [/Drop, Cover/i],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
];
