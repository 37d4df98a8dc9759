import fc from 'fast-check';

import { checkLink } from '../../src/shared/links';

const handle = fc.stringMatching(/^[a-z0-9_][a-z0-9._]{0,22}[a-z0-9_]$/);
const postId = fc.stringMatching(/^[1-9][0-9]{14,20}$/);

/** A long link in one of the shapes people paste, with the post id it names. */
const longLink = fc
  .tuple(
    postId,
    handle,
    fc.constantFrom(
      'user-photo',
      'user-video',
      'empty-user-video',
      'mobile',
      'share',
      'embed-v2',
      'embed',
    ) as fc.Arbitrary<string>,
  )
  .map(([id, user, shape]) => {
    const path: Record<string, string> = {
      'user-photo': `www.tiktok.com/@${user}/photo/${id}`,
      'user-video': `www.tiktok.com/@${user}/video/${id}`,
      'empty-user-video': `www.tiktok.com/@/video/${id}`,
      mobile: `m.tiktok.com/v/${id}.html`,
      share: `www.tiktokv.com/share/video/${id}`,
      'embed-v2': `www.tiktok.com/embed/v2/${id}`,
      embed: `www.tiktok.com/embed/${id}`,
    };
    return { id, link: path[shape] ?? '' };
  });

const scheme = fc.constantFrom('https://', 'http://', '', 'HTTPS://', '//');
const query = fc.option(
  fc.oneof(
    fc.webQueryParameters().map((q) => `?${q}`),
    fc.constantFrom('?is_from_webapp=1&sender_device=pc', '?_r=1&_t=ZM-8abc', '?lang=en&q=a.b'),
  ),
  { nil: '' },
);
const fragment = fc.option(
  fc.webFragments().map((f) => `#${f}`),
  { nil: '' },
);

// Prose never touches the link directly: share sheets and people put a space, a line break, a quote or
// a bracket around it; after it, sentence punctuation may follow.
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9!?,;:'"()&%-]{1,12}$/);
const prose = fc.array(fc.oneof(word, fc.constantFrom('🔥', '…', 'TikTok!', '#fyp', '@someone')), {
  maxLength: 8,
});
const gap = fc.constantFrom(' ', '\n', '\t', '  ', ' \r\n');
const opener = fc.constantFrom('', '"', "'", '(', '[', '<', '«', '“', '🔥');
const closer = fc.constantFrom(
  '',
  '"',
  "'",
  ')',
  ']',
  '>',
  '»',
  '”',
  '.',
  '!',
  '...',
  ',',
  '?!',
  ':',
  ';',
  ').',
);

function surround(before: string[], open: string, link: string, close: string, after: string[], g: string) {
  const left = before.length > 0 ? `${before.join(' ')}${g}` : '';
  const right = after.length > 0 ? `${g}${after.join(' ')}` : '';
  return `${left}${open}${link}${close}${right}`;
}

// Pieces of TikTok links glued at random, to reach the branches plain random text never does.
const tiktokish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'https://',
        'tiktok.com',
        'vm.tiktok.com/',
        'www.',
        '/@',
        '/photo/',
        '/video/',
        '/t/',
        '/v/',
      ),
      fc.constantFrom(
        '.html',
        '?',
        '#',
        '%',
        '%4',
        '%40',
        '/',
        ' ',
        '\n',
        '"',
        '(',
        ')',
        '.',
        '@',
        'embed/v2/',
      ),
      fc.stringMatching(/^[0-9]{1,25}$/),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('checkLink properties', () => {
  test('never throws, whatever the cell holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), tiktokish), (text) => {
        const check = checkLink(text);
        expect(['post', 'short', 'invalid']).toContain(check.status);
        if (check.status === 'invalid') expect(check.message.length).toBeGreaterThan(10);
      }),
    );
  });

  test('a long link keeps its post id with any scheme, host case, query, fragment and surrounding prose', () => {
    fc.assert(
      fc.property(
        longLink,
        scheme,
        fc.boolean(),
        query,
        fragment,
        prose,
        prose,
        opener,
        closer,
        gap,
        ({ id, link }, s, upperHost, q, f, before, after, open, close, g) => {
          const slash = link.indexOf('/');
          const hostCased = upperHost ? link.slice(0, slash).toUpperCase() + link.slice(slash) : link;
          const text = surround(before, open, `${s}${hostCased}${q}${f}`, close, after, g);
          const check = checkLink(text);
          expect(check).toMatchObject({ status: 'post', postId: id });
        },
      ),
    );
  });

  test('a short link keeps its normalized form with any scheme, query and surrounding prose', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('vm.tiktok.com/', 'vt.tiktok.com/', 'www.tiktok.com/t/'),
        fc.stringMatching(/^Z[A-Za-z0-9]{5,10}$/),
        fc.constantFrom('', '/'),
        scheme,
        query,
        prose,
        prose,
        opener,
        closer,
        gap,
        (prefix, code, slash, s, q, before, after, open, close, g) => {
          const text = surround(before, open, `${s}${prefix}${code}${slash}${q}`, close, after, g);
          expect(checkLink(text)).toEqual({ status: 'short', shortUrl: `https://${prefix}${code}/` });
        },
      ),
    );
  });

  test('the same post named in two shapes is still one post; two posts are never one', () => {
    fc.assert(
      fc.property(longLink, longLink, gap, ({ id, link }, other, g) => {
        const same = checkLink(`https://${link}${g}https://m.tiktok.com/v/${id}.html`);
        expect(same).toMatchObject({ status: 'post', postId: id });
        const two = checkLink(`https://${link}${g}https://${other.link}`);
        if (other.id === id) expect(two).toMatchObject({ status: 'post', postId: id });
        else expect(two).toMatchObject({ status: 'invalid', reason: 'several-links' });
      }),
    );
  });
});
