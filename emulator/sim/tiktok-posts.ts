/**
 * The simulated TikTok's catalogue: every post id names a slideshow derived from the id alone, except the
 * reserved ids below, which play one failure each. Short codes map to ids the same way.
 */
import { hashString, pickInt, pickOne, seededRandom } from './seeded-random';

export type SimBehaviour =
  | 'normal'
  | 'unavailable'
  | 'private-post'
  | 'user-not-found'
  | 'private-account'
  | 'region-locked'
  | 'video'
  | 'age-gated'
  | 'challenge'
  | 'desktop-stub'
  | 'login-redirect'
  | 'stub-everywhere'
  | 'blocked-everywhere'
  | 'first-mirror-403'
  | 'all-mirrors-403'
  | 'webp-first';

export interface ReservedPost {
  /** Any id ending in these six digits plays this behaviour. */
  readonly suffix: string;
  readonly behaviour: Exclude<SimBehaviour, 'normal'>;
  /** A ready-made 19-digit id with the suffix. */
  readonly id: string;
  /** What each route answers. */
  readonly desktop: string;
  readonly mobile: string;
  readonly tikwm: string;
}

function reserved(
  suffix: string,
  behaviour: ReservedPost['behaviour'],
  desktop: string,
  mobile: string,
  tikwm: string,
): ReservedPost {
  return { suffix, behaviour, id: `7400000000000${suffix}`, desktop, mobile, tikwm };
}

/**
 * Reserved ids: the last six digits decide. Every suffix starts with "0", and ids made from short codes
 * never have a "0" there, so a short link lands on a reserved id only through `ZMID<id>`.
 */
export const RESERVED_POSTS: readonly ReservedPost[] = [
  reserved(
    '010204',
    'unavailable',
    'statusCode 10204',
    'statusCode 10204',
    'code -1 "Url parsing is failed"',
  ),
  reserved('010216', 'private-post', 'statusCode 10216', 'statusCode 10216', 'code -1'),
  reserved('010221', 'user-not-found', 'statusCode 10221', 'statusCode 10221', 'code -1'),
  reserved('010222', 'private-account', 'statusCode 10222', 'statusCode 10222', 'code -1'),
  reserved('010231', 'region-locked', 'statusCode 10231', 'statusCode 10231', 'the slideshow'),
  reserved('000001', 'video', 'a video item, no imagePost', 'a video item', 'a video (no images)'),
  reserved('000002', 'age-gated', 'isContentClassified, no imagePost', 'the same', 'code -1'),
  reserved('000003', 'challenge', 'the <div id="cs"> challenge page', 'the challenge page', 'the slideshow'),
  reserved('000004', 'desktop-stub', 'a stub page without data', 'the slideshow', 'the slideshow'),
  reserved('000005', 'login-redirect', '302 to /login', '302 to /login', 'the slideshow'),
  reserved('000006', 'stub-everywhere', 'a stub page', 'a stub page', 'the slideshow'),
  reserved(
    '000007',
    'blocked-everywhere',
    'a stub page',
    'a stub page',
    'code -1 (only the Drive folder route is left)',
  ),
  reserved(
    '000008',
    'first-mirror-403',
    'the slideshow; the first mirror host answers 403',
    'the same',
    'the slideshow',
  ),
  reserved(
    '000009',
    'all-mirrors-403',
    'the slideshow; every mirror answers 403',
    'the same',
    'the same images',
  ),
  reserved(
    '000010',
    'webp-first',
    'the slideshow; every urlList starts with a .webp',
    'the same',
    'the slideshow',
  ),
];

/** Ready-made ids by behaviour, for tests: `RESERVED_POST_IDS['private-post']`. */
export const RESERVED_POST_IDS = Object.fromEntries(
  RESERVED_POSTS.map((entry) => [entry.behaviour, entry.id]),
) as Record<ReservedPost['behaviour'], string>;

/**
 * Short codes with a fixed answer. Any other code starting with "Z" (ZM… on vm, ZS… on vt, ZT… on /t/)
 * leads to the photo post derived from the code; `ZMID<digits>` leads to that very id; `ZMHOP<rest>`
 * takes one extra hop through `https://www.tiktok.com/t/ZT<rest>/`; codes not starting with "Z" lead home.
 */
export const RESERVED_SHORT_CODES = {
  home: 'ZMHOME',
  notFound: 'ZMNOTFOUND',
  login: 'ZMLOGIN',
  /** Redirects to itself forever: the caller's hop limit has to stop it. */
  loop: 'ZMLOOP',
} as const;

export function behaviourOf(postId: string): SimBehaviour {
  return RESERVED_POSTS.find((entry) => postId.endsWith(entry.suffix))?.behaviour ?? 'normal';
}

/** A 19-digit id from a short code, never a reserved one. */
export function postIdForShortCode(code: string): string {
  const digits = `7${String(hashString(code, 1) % 1e9).padStart(9, '0')}${String(hashString(code, 2) % 1e9).padStart(9, '0')}`;
  // Position 13 is the first digit of the reserved suffixes, all "0".
  return digits[13] === '0'
    ? `${digits.slice(0, 13)}${1 + (hashString(code, 3) % 9)}${digits.slice(14)}`
    : digits;
}

export type ShortCodeTarget =
  { readonly kind: 'post'; readonly postId: string } | { readonly kind: 'redirect'; readonly url: string };

export function shortCodeTarget(code: string, selfUrl: string): ShortCodeTarget {
  switch (code) {
    case RESERVED_SHORT_CODES.home:
      return { kind: 'redirect', url: 'https://www.tiktok.com/' };
    case RESERVED_SHORT_CODES.notFound:
      return { kind: 'redirect', url: 'https://www.tiktok.com/notfound' };
    case RESERVED_SHORT_CODES.login:
      return {
        kind: 'redirect',
        url: `https://www.tiktok.com/login?redirect_url=${encodeURIComponent(selfUrl)}&lang=en`,
      };
    case RESERVED_SHORT_CODES.loop:
      return { kind: 'redirect', url: selfUrl };
  }
  const direct = /^ZMID(\d{15,21})$/.exec(code);
  if (direct?.[1]) return { kind: 'post', postId: direct[1] };
  if (code.startsWith('ZMHOP'))
    return { kind: 'redirect', url: `https://www.tiktok.com/t/ZT${code.slice(5)}/` };
  if (code.startsWith('Z')) return { kind: 'post', postId: postIdForShortCode(code) };
  return { kind: 'redirect', url: 'https://www.tiktok.com/' };
}

export interface SimSlide {
  /** 0-based. */
  readonly index: number;
  readonly width: number;
  readonly height: number;
  /** The text drawn on the slide. */
  readonly text: string;
  /** Its urlList starts with a `.webp` mirror, so clients must pick the `.jpeg` one. */
  readonly webpFirst: boolean;
  readonly seed: number;
}

export interface SimPost {
  readonly id: string;
  readonly behaviour: SimBehaviour;
  readonly author: string;
  readonly authorId: string;
  readonly nickname: string;
  readonly caption: string;
  readonly hashtags: readonly string[];
  readonly music: { readonly title: string; readonly author: string };
  readonly createTime: number;
  readonly slides: readonly SimSlide[];
  /** The first mirror host answers 403 for this post's images. */
  readonly firstMirrorRefuses: boolean;
  readonly allMirrorsRefuse: boolean;
}

const TOPICS = [
  {
    name: 'skincare',
    tags: ['skincare', 'glowup'],
    tips: ['double cleanse', 'spf every day', 'less is more', 'patch test'],
  },
  {
    name: 'desk setup',
    tags: ['desksetup', 'wfh'],
    tips: ['light from the side', 'cable tray', 'one plant', 'monitor arm'],
  },
  {
    name: 'meal prep',
    tags: ['mealprep', 'foodtok'],
    tips: ['cook grains once', 'sauce in jars', 'freeze portions', 'label it'],
  },
  {
    name: 'travel',
    tags: ['traveltok', 'packinghacks'],
    tips: ['roll clothes', 'one carry on', 'cube packing', 'scan passport'],
  },
  {
    name: 'coffee',
    tags: ['coffeetok', 'homebarista'],
    tips: ['weigh beans', 'fresh grind', 'filtered water', '93 degrees'],
  },
  {
    name: 'running',
    tags: ['runtok', 'fitness'],
    tips: ['easy days easy', 'new shoes slowly', 'sleep more', 'run with friends'],
  },
] as const;
const ADJECTIVES = ['sunny', 'cozy', 'daily', 'little', 'urban', 'happy', 'slow', 'bright'] as const;
const NOUNS = ['studio', 'kitchen', 'finds', 'notes', 'corner', 'picks', 'habits', 'lab'] as const;
const SONGS = [
  { title: 'Espresso', author: 'Sabrina Carpenter' },
  { title: 'lofi morning', author: 'Chill Beats Co' },
  { title: 'Golden Hour', author: 'JVKE' },
] as const;

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Everything the simulated TikTok says about `postId`. `slideWidth` sets the JPEG size (heights follow). */
export function simPost(postId: string, slideWidth = 360): SimPost {
  const next = seededRandom(hashString(postId));
  const behaviour = behaviourOf(postId);
  const topic = pickOne(next, TOPICS);
  const adjective = pickOne(next, ADJECTIVES);
  const noun = pickOne(next, NOUNS);
  const author = `${adjective}${pickOne(next, ['.', '_', ''])}${noun}${pickInt(next, 1, 99)}`;
  const nickname = `${capitalize(adjective)} ${capitalize(noun)}`;
  const count = pickInt(next, 3, 10);
  const hashtags = [...topic.tags, 'fyp'];
  const caption = `${count - 2} ${topic.name} tips that actually work ✨ ${hashtags.map((tag) => `#${tag}`).join(' ')}`;
  const music =
    next() < 0.6 ? { title: `original sound - ${author}`, author: nickname } : pickOne(next, SONGS);
  const height = Math.round((slideWidth * (next() < 0.5 ? 4 / 3 : 16 / 9)) / 8) * 8;
  const mirrorRoll = next();
  const slides: SimSlide[] = [];
  for (let index = 0; index < count; index++) {
    const text =
      index === 0
        ? `${count - 2} ${topic.name} tips you need`
        : index === count - 1
          ? 'save this for later'
          : `tip ${index}: ${topic.tips[(index - 1) % topic.tips.length]}`;
    const webpRoll = next();
    slides.push({
      index,
      width: slideWidth,
      height,
      text,
      webpFirst: behaviour === 'webp-first' || webpRoll < 0.25,
      seed: hashString(`${postId}/${index}`),
    });
  }
  return {
    id: postId,
    behaviour,
    author,
    authorId: `69${String(hashString(author) % 1e9).padStart(9, '0')}00000011`,
    nickname,
    caption,
    hashtags,
    music,
    createTime: 1_700_000_000 + (hashString(postId, 7) % 60_000_000),
    slides,
    firstMirrorRefuses: behaviour === 'first-mirror-403' || (behaviour === 'normal' && mirrorRoll < 0.2),
    allMirrorsRefuse: behaviour === 'all-mirrors-403',
  };
}
