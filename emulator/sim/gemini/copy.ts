/**
 * Plausible slide copy made from the prompt's product words. Templates are chosen by slide position
 * (hook first, call to action last) and shifted by the variation number, so two variations of the same
 * slideshow never read the same.
 */
import type { PromptFacts } from './prompt';
import type { Rng } from './random';

export interface Position {
  index: number;
  count: number;
}

const HOOKS = [
  'POV: you finally found {P}',
  'Stop scrolling if you need {P}',
  "I tried {P} so you don't have to",
  'Nobody talks about {P} enough',
  'The {W} secret nobody told you: {P}',
  'Why everyone wants {P} right now',
  '3 reasons {P} lives in my bag',
];

const MIDDLES = [
  '{P} makes {W} feel easy',
  'Day 3 with {P}: more {W}, less stress',
  'What I love: {W} that lasts all day',
  '{P} vs. my old {W} routine',
  'Small {W}, big difference',
  'Honest take: {P} is worth it',
  'The {W} glow-up starts here',
  'Before {P} vs. after {P}',
];

const CALLS_TO_ACTION = [
  'Get {P} today, link in bio',
  'Save this and try {P}',
  'Tap the link to get {P}',
  'Your turn: try {P} this week',
  'Follow for more {W} finds',
];

const LAYOUTS = [
  'bold text centered over a close-up photo',
  'text at the top, product in the lower third',
  'split screen: before on the left, after on the right',
  'hand holding the product, caption across the middle',
  'flat lay on a bright background with a short headline',
];

const STYLES = [
  'clean and bright, white sans-serif text with a soft shadow',
  'warm tones, handwritten-style captions',
  'high contrast, bold uppercase headline',
  'pastel palette, minimal text',
  'natural light, casual phone-camera look',
];

const ROLES = ['hook', 'problem', 'product', 'proof', 'call to action'];

function fill(template: string, facts: PromptFacts, rng: Rng): string {
  const others = facts.productWords.slice(facts.productName.split(' ').length);
  const pool = others.length > 0 ? others : facts.productWords;
  return template.replace(/\{P\}/g, facts.productName).replace(/\{W\}/g, () => rng.pick(pool));
}

function choose(list: readonly string[], facts: PromptFacts, offset: number): string {
  const at = (facts.baseHash + (facts.variation ?? 0) + offset) % list.length;
  return list[at] ?? list[0] ?? '';
}

/** The text on one slide of a remade slideshow. */
export function slideText(facts: PromptFacts, position: Position | undefined, rng: Rng): string {
  const index = position?.index ?? 0;
  const count = position?.count ?? 1;
  const list = index === 0 ? HOOKS : index === count - 1 ? CALLS_TO_ACTION : MIDDLES;
  return fill(choose(list, facts, index), facts, rng);
}

export function caption(facts: PromptFacts, rng: Rng): string {
  const tags = facts.productWords.slice(0, 3).map((word) => `#${word.replace(/[^a-z0-9]/gi, '')}`);
  return `${fill(choose(HOOKS, facts, 7), facts, rng)} ✨ ${tags.join(' ')} #tiktokmademebuyit #fyp`;
}

export function describe(facts: PromptFacts, rng: Rng): string {
  return fill(`{P} shown close up, with {W} details and soft natural light`, facts, rng);
}

export function layout(facts: PromptFacts, position: Position | undefined): string {
  return choose(LAYOUTS, facts, position?.index ?? 0);
}

export function style(facts: PromptFacts): string {
  return choose(STYLES, facts, 0);
}

/** Hook first, call to action last, the rest spread in between. */
export function role(position: Position | undefined): string {
  if (!position || position.count <= 1) return ROLES[0] ?? 'hook';
  const at = Math.round((position.index / (position.count - 1)) * (ROLES.length - 1));
  return ROLES[at] ?? 'hook';
}

export function hashtag(facts: PromptFacts, position: Position | undefined): string {
  const word = facts.productWords[(position?.index ?? 0) % facts.productWords.length] ?? 'product';
  return `#${word.replace(/[^a-z0-9]/gi, '')}`;
}

/** Plain text for a call that asked for no JSON. */
export function paragraph(facts: PromptFacts, rng: Rng): string {
  return `${slideText(facts, { index: 0, count: 3 }, rng)}. ${slideText(facts, { index: 1, count: 3 }, rng)}. ${slideText(facts, { index: 2, count: 3 }, rng)}.`;
}
