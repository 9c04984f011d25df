import { consume, type Found, kindForAge, member, type Scan } from './household-scan.ts';
import { sexAfter } from './member-words.ts';

export type Speaker = { selfFound: Found[]; strongSelf: boolean; leadingAge: boolean };

/** The speaker, when the message names them ("me", "my husband and I", "I'm 40"); counted later if others are. */
export function findSpeaker(s: Scan, normalized: string): Speaker {
  // The speaker: "me, my wife…", "my husband and I", "just me", "I live alone", "for me and my son"
  const strongSelf =
    /\b(?:just|only)\s+me\b|\b(?:i\s+)?(?:live|living)\s+alone\b|\bby\s+myself\b|\bon\s+my\s+own\b|\bsingle\s+(?:person|guy|woman|man|adult|household)\b|\bjust\s+myself\b/.test(
      normalized,
    );
  const selfFound: Found[] = [];
  let leadingAge = false;
  if (!s.self) {
    // "I'm 40", "me 40", "me, 38, female", or a bare age opening an answer: "81, diabetic, takes insulin".
    const aged =
      /\b(?:i'm|i am|im|me|myself)\s*[,(]?\s*(\d{2,3})\b(?!\s*(?:dogs?|cats?|kids?|people|adults?|lbs?|pounds|weeks?|days?|months?|miles?|gal))|^\s*(\d{2,3})\s*(?=,|$|\s*(?:yo|y\/o|years? old)\b)/.exec(
        s.t,
      );
    if (aged) {
      const age = Number(aged[1] ?? aged[2]);
      if (aged[2] !== undefined) leadingAge = true;
      if (age >= 12 && age <= 110) {
        const sex = sexAfter(s.t, aged.index + aged[0].length);
        selfFound.push({
          members: [member(kindForAge(age), { ageYears: age, role: 'me', sex })],
          index: aged.index,
        });
        s.t = consume(s.t, aged.index, aged[0].length);
      }
    }
  }
  if (!s.self && selfFound.length === 0) {
    const re =
      /(?:^\s*|[,:;(.]\s*|\b(?:just|only|and|with|plus|for|includes?|including)\s+)(me|myself)\b|\b(?:and|&)\s+i\b(?!')|\b(?:i\s+)?(?:live|living)\s+alone\b|\bby\s+myself\b|\bon\s+my\s+own\b|\bsingle\s+(?:person|guy|woman|man|adult|household)\b/g;
    const m = re.exec(s.t);
    if (m) {
      selfFound.push({
        members: [member('adult', { role: 'me', sex: sexAfter(s.t, m.index + m[0].length) })],
        index: m.index,
      });
      s.t = consume(s.t, m.index, m[0].length);
    }
  }

  return { selfFound, strongSelf, leadingAge };
}

/** A head count said as one: "family of 4", "we're 5", "there are 6 of us". */
export function takeHeadCount(s: Scan): void {
  // Head counts: "family of 4", "a 5-person household", "we're 5", "there are 6 of us", "party of 3"
  const countPatterns = [
    /\bfamily of (\d+)\b/,
    /\bhousehold of (\d+)\b/,
    /\bparty of (\d+)\b/,
    /\b(\d+)[\s-](?:person|member|people)\s+(?:household|family|home|group)\b/,
    /\bthere(?:'re| are) (\d+) of us\b/,
    /\b(\d+) of us\b/,
    /\bwe(?:'re| are)(?: now| actually| really)? (\d+)\b(?!\s*(?:%|percent|years?|yrs?|months?|weeks?|days?|miles?|minutes?|hours?|lbs?|pounds|\$|dollars))/,
    /\bfamily (?:is|of) (\d+)\b/,
  ];
  for (const re of countPatterns) {
    const m = re.exec(s.t);
    if (m) {
      const n = Number(m[1]);
      if (Number.isInteger(n) && n >= 1 && n <= 30) {
        s.count = n;
        s.t = consume(s.t, m.index, m[0].length);
        break;
      }
    }
  }
}
