import type { DraftMember } from '../../domain/household-draft-schema.ts';
import type { HouseholdEditsInput } from '../../domain/household-edits.ts';

/**
 * Someone leaving the household, told apart by age rather than by name: "my oldest is at college, so just
 * four of us", "our eldest moved out", "the youngest lives with her dad now". That person is removed — not
 * whoever a bare head count would drop (the youngest child, by the domain's rule for "we're 4 now").
 */

const ORDER = 'oldest|eldest|older|elder|youngest|younger';
const WHO = String.raw`\b(?:my|our|the)\s+(${ORDER})(?:\s+(?:one|kid|child|son|daughter|boy|girl|teen))?`;
const AWAY = String.raw`(?:is\s+|'s\s+|has\s+|just\s+|now\s+)*(?:(?:away\s+)?(?:at|in|off to|went (?:off )?to|gone to|left for|started)\s+(?:college|university|uni|school|the army|the military|the navy|boot camp|basic training)|moved out|moving out|left home|(?:lives?|living) (?:elsewhere|on (?:his|her|their) own|with (?:his|her|their) (?:mom|dad|mother|father|other parent))|away|not (?:at home|living (?:here|with us)|with us))`;
const LEAVES = new RegExp(`${WHO}\\s+${AWAY}`);

const young = (m: DraftMember) => m.kind === 'infant' || m.kind === 'child' || m.kind === 'teen';

export function departure(
  text: string,
  known: readonly DraftMember[],
): HouseholdEditsInput['removeMembers'] | null {
  const said = LEAVES.exec(text);
  if (!said || known.length < 2) return null;
  // Among the children when there are any; else among everyone but the speaker and their partner.
  const kids = known
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => young(m) || /son|daughter|child/.test(m.role ?? ''));
  const pool = (
    kids.length > 0
      ? kids
      : known
          .map((m, i) => ({ m, i }))
          .filter(({ m }) => !/^(me|wife|husband|partner|spouse)$/.test(m.role ?? ''))
  ).filter(({ m }) => m.ageYears !== undefined);
  if (pool.length === 0) return null;
  const byAge = [...pool].sort((a, b) => a.m.ageYears! - b.m.ageYears!);
  const pick = /^(oldest|eldest|older|elder)$/.test(said[1]!) ? byAge[byAge.length - 1]! : byAge[0]!;
  return [{ position: pick.i + 1 }];
}
