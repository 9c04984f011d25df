// Pets as said in one normalized message: species, count, weight (a typical one when none is given).

export type PetDraft = {
  species: 'dog' | 'cat' | 'other';
  weightLb: number;
  breed?: string;
  assumedWeight?: boolean;
};

// Two-word breeds first: "a golden retriever" is one dog, not a golden and a retriever.
const DOG_BREEDS_TWO_WORDS =
  'golden retrievers?|labrador retrievers?|lab mix(?:es)?|shepherd mix(?:es)?|(?:yellow|black|chocolate) labs?|german shepherds?|australian shepherds?|border collies?|jack russell(?: terrier)?s?|yorkshire terriers?|bernese mountain dogs?|great pyrenees|great danes?|pit ?bull(?: terrier)?s?|french bulldogs?|english bulldogs?';
const DOG_WORDS = `${DOG_BREEDS_TWO_WORDS}|dogs?|pupp(?:y|ies)|lab|labs|labrador|retriever|golden|shepherd|husky|pitbull|beagle|chihuahua|poodle|terrier|dachshund|corgi|boxer|rottweiler|doberman|mutt|mastiff|collie|bulldog|yorkie`;
const CAT_WORDS = 'cats?|kittens?|kitty';
const OTHER_WORDS = 'rabbits?|bunn(?:y|ies)|guinea pigs?|ferrets?|parrots?|birds?|chickens?|goats?';

/** Typical weights when none is given (stated to the user as an assumption). */
const DEFAULT_WEIGHT: Record<string, number> = {
  dog: 40,
  puppy: 15,
  chihuahua: 6,
  dachshund: 15,
  beagle: 25,
  corgi: 28,
  terrier: 20,
  poodle: 40,
  lab: 70,
  labrador: 70,
  retriever: 65,
  golden: 65,
  'golden retriever': 65,
  'labrador retriever': 70,
  'lab mix': 55,
  'shepherd mix': 60,
  'yellow lab': 70,
  'black lab': 70,
  'chocolate lab': 70,
  shepherd: 75,
  'german shepherd': 75,
  'australian shepherd': 50,
  'border collie': 40,
  collie: 50,
  'jack russell': 15,
  'jack russell terrier': 15,
  'yorkshire terrier': 7,
  yorkie: 7,
  'bernese mountain dog': 100,
  'great pyrenees': 100,
  'pit bull': 55,
  'pit bull terrier': 55,
  pitbull: 55,
  'french bulldog': 25,
  'english bulldog': 50,
  bulldog: 50,
  husky: 50,
  boxer: 65,
  rottweiler: 100,
  doberman: 80,
  'great dane': 140,
  mastiff: 160,
  cat: 10,
  kitten: 4,
  kitty: 10,
  other: 5,
  chicken: 5,
  goat: 100,
};

function speciesOf(word: string): 'dog' | 'cat' | 'other' {
  if (new RegExp(`^(?:${CAT_WORDS})$`).test(word)) return 'cat';
  if (new RegExp(`^(?:${OTHER_WORDS})$`).test(word)) return 'other';
  return 'dog';
}

function countWordOf(word: string): number {
  return word === 'a' || word === 'an' ? 1 : Math.min(20, Number(word) || 1);
}

function singular(word: string): string {
  if (word === 'great pyrenees') return word;
  return word
    .replace(/ixes$/, 'ix')
    .replace(/(pupp|bunn|kitt)ies$/, '$1y')
    .replace(/s$/, '')
    .replace(/ +/g, ' ');
}

export type PetMention = { pets: PetDraft[]; none: boolean; additive: boolean };

/** "a 30 lb dog", "two cats", "a 60-pound lab", "dog (30 lbs)", "our dog weighs 45 pounds", "no pets". */
export function extractPets(t: string): PetMention | null {
  if (/\b(no pets|no animals|don't have (?:any )?pets|do not have (?:any )?pets|without pets)\b/.test(t)) {
    return { pets: [], none: true, additive: false };
  }
  const pets: PetDraft[] = [];
  let text = t;
  const animal = `(${DOG_WORDS}|${CAT_WORDS}|${OTHER_WORDS})`;
  const weight = String.raw`(\d+(?:\.\d+)?)\s*[- ]?\s*(?:lbs?|pounds?|pound|#|kg|kilos?)`;
  // "2 dogs (70lb lab, 20 lb terrier)": one pet per item in the brackets, each with its weight and breed.
  const listed = /\b(a|an|\d+)\s+(dogs?|cats?|pets?)\s*\(([^)]*)\)/g;
  for (let m = listed.exec(text); m !== null; m = listed.exec(text)) {
    const items = m[3]!.split(/\s*(?:,|and|&|;)\s*/).filter(Boolean);
    const group = m[2]!.startsWith('cat') ? 'cat' : m[2]!.startsWith('dog') ? 'dog' : null;
    const found: PetDraft[] = [];
    for (const item of items) {
      const w = new RegExp(String.raw`^${weight}\s*(.*)$|^(.*?)\s*${weight}$`).exec(item.trim());
      if (!w) continue;
      const raw = Number(w[1] ?? w[4]);
      const lb = /kg|kilo/.test(item) ? Math.round(raw * 2.2046) : raw;
      const breedWord = (w[2] ?? w[3] ?? '').trim();
      const species = group ?? (breedWord ? speciesOf(breedWord) : 'other');
      const breed =
        breedWord && !/^(dog|cat|pup|puppy|kitten|one|each)s?$/.test(breedWord)
          ? singular(breedWord)
          : undefined;
      found.push({ species, weightLb: lb, ...(breed ? { breed } : {}) });
    }
    if (found.length === 0) continue;
    const n = countWordOf(m[1]!);
    for (let i = found.length; i < n; i++)
      found.push({ ...found[found.length - 1]!, weightLb: found[found.length - 1]!.weightLb });
    pets.push(...found);
    text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);
  }
  const patterns: { re: RegExp; count: number; w: number; a: number }[] = [
    // "a 30 lb dog", "two 10-pound cats"
    {
      re: new RegExp(String.raw`(?:\b(a|an|\d+)\s+)?\b${weight}\s+(?:\w+\s+)?${animal}\b`, 'g'),
      count: 1,
      w: 2,
      a: 3,
    },
    // "dog (30 lbs)", "a dog that weighs 45 pounds", "lab, 70 lb"
    {
      re: new RegExp(
        String.raw`\b(a|an|\d+|our|my|the)?\s*${animal}\s*(?:\(|,|that|who|which)?\s*(?:is|weighs|weighing|of|about|around|~)?\s*(?:actually|really|now|only|just)?\s*(?:about|around|~)?\s*${weight}\)?`,
        'g',
      ),
      count: 1,
      w: 3,
      a: 2,
    },
    // "two cats", "a dog"
    {
      re: new RegExp(
        String.raw`\b(a|an|\d+|our|my|the)\s+(?:small\s+|big\s+|large\s+|little\s+|old\s+)?${animal}\b`,
        'g',
      ),
      count: 1,
      w: 0,
      a: 2,
    },
  ];
  for (const p of patterns) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      const countText = m[p.count];
      const n =
        countText === undefined || /^(a|an|our|my|the)$/.test(countText)
          ? 1
          : Math.min(20, Number(countText) || 1);
      const word = singular(m[p.a]!.trim());
      const species = speciesOf(m[p.a]!.trim());
      let weightLb: number;
      let assumed = false;
      if (p.w > 0) {
        const raw = Number(m[p.w]);
        weightLb = /kg|kilo/.test(m[0]) ? Math.round(raw * 2.2046) : raw;
      } else {
        const size = /big|large/.test(m[0]) ? 70 : /small|little/.test(m[0]) ? 15 : undefined;
        weightLb = size ?? DEFAULT_WEIGHT[word] ?? DEFAULT_WEIGHT[species]!;
        assumed = true;
      }
      if (!(weightLb > 0 && weightLb <= 400)) continue;
      const breed = /^(dog|cat|pupp|kitt|kitty|pet)/.test(word) ? undefined : word;
      for (let i = 0; i < n; i++)
        pets.push({
          species,
          weightLb,
          ...(breed ? { breed } : {}),
          ...(assumed ? { assumedWeight: true } : {}),
        });
      text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);
      p.re.lastIndex = m.index + m[0].length;
    }
  }
  if (pets.length === 0) return null;
  namedAmongCounted(pets);
  const additive = /\b(also|another|plus|new|adopted|got a)\b/.test(t);
  return { pets, none: false, additive };
}

/** "2 dogs (a husky and a lab)", "2 dogs, a husky and a lab": the breeds named are the dogs counted. */
function namedAmongCounted(pets: PetDraft[]): void {
  for (const species of ['dog', 'cat', 'other'] as const) {
    const generic = pets.filter((p) => p.species === species && !p.breed && p.assumedWeight);
    const named = pets.filter((p) => p.species === species && p.breed);
    // "a dog and a lab" may be two dogs; a counted group ("2 dogs") is what the breeds name.
    const drop = generic.length >= 2 ? Math.min(generic.length, named.length) : 0;
    for (const p of generic.slice(0, drop)) pets.splice(pets.indexOf(p), 1);
  }
}

/** Pets after a message: a species mentioned replaces the known pets of that species; "also" adds. */
export function applyPets(current: PetDraft[] | undefined, mention: PetMention): PetDraft[] {
  if (mention.none) return [];
  const known = current ?? [];
  if (mention.additive) return [...known, ...mention.pets];
  const species = new Set(mention.pets.map((p) => p.species));
  return [...known.filter((p) => !species.has(p.species)), ...mention.pets];
}
