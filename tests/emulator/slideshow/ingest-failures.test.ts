/**
 * Every way the simulated TikTok refuses a post (its reserved ids and short codes), in one batch with
 * good rows: each row ends Done through a fallback route, or Failed with a reason Jenny can act on,
 * and the good rows complete regardless.
 */
import { RESERVED_POST_IDS, RESERVED_SHORT_CODES } from '../../../emulator/sim/tiktok';
import { expectOk, prepareSheet, productPhoto, pumpUntilDone, sheetRows, slideshowWorld } from './world';

const post = (id: string) => `https://www.tiktok.com/@who/photo/${id}`;
const short = (code: string) => `https://vm.tiktok.com/${code}/`;

const DONE = [
  post('7311111111111111111'),
  post(RESERVED_POST_IDS.challenge),
  post(RESERVED_POST_IDS['region-locked']),
  post(RESERVED_POST_IDS['login-redirect']),
  post(RESERVED_POST_IDS['desktop-stub']),
  post(RESERVED_POST_IDS['stub-everywhere']),
  post(RESERVED_POST_IDS['first-mirror-403']),
  post(RESERVED_POST_IDS['webp-first']),
  short('ZMHOPtwohops'),
];

const FAILED: [string, RegExp][] = [
  [post(RESERVED_POST_IDS['private-post']), /^This post is private/],
  [post(RESERVED_POST_IDS['private-account']), /^This post belongs to a private account/],
  [post(RESERVED_POST_IDS.video), /^This is a video, not a photo slideshow/],
  [
    post(RESERVED_POST_IDS['age-gated']),
    /^TikTok only shows this post to signed-in adults.*\(tried: TikTok's page: for signed-in adults only; TikTok's mobile page: for signed-in adults only; tikwm\.com: not available\)$/,
  ],
  [post(RESERVED_POST_IDS['user-not-found']), /^TikTok cannot find the account that posted this/],
  [post(RESERVED_POST_IDS.unavailable), /^Neither TikTok nor tikwm\.com gave this post/],
  [
    post(RESERVED_POST_IDS['blocked-everywhere']),
    /^Neither TikTok nor tikwm\.com gave this post.*save the slides as images in a Drive folder.*\(tried: TikTok's page: empty page; TikTok's mobile page: empty page; tikwm\.com: not available\)$/,
  ],
  [
    post(RESERVED_POST_IDS['all-mirrors-403']),
    /^TikTok's image servers refused slide 1 on every mirror \(error 403\)/,
  ],
  [short(RESERVED_SHORT_CODES.notFound), /^This short link no longer leads to a post/],
  [short(RESERVED_SHORT_CODES.home), /^This short link no longer leads to a post/],
  [short(RESERVED_SHORT_CODES.login), /^TikTok asked to log in before showing this post/],
  [short(RESERVED_SHORT_CODES.loop), /^This short link kept redirecting \(5 times\)/],
];

describe('ingest: every TikTok refusal', () => {
  const ctx = slideshowWorld({ seed: 5 });
  const photo = productPhoto(ctx);
  const links = [...DONE, ...FAILED.map(([link]) => link)];
  prepareSheet(
    ctx,
    links.map((link) => [link, photo.link, 'A reusable water bottle that keeps drinks cold for 24 hours.']),
  );
  expectOk(ctx.runtime.callFromSidebar('startBatch', [{ photoVariations: 1, textVariations: 1 }]));
  const progress = pumpUntilDone(ctx, { maxCalls: 400 });
  const rows = sheetRows(ctx);

  it('ends the batch with the good and the rescued rows done', () => {
    expect(progress.status).toBe('completed');
    expect(progress.rows).toMatchObject({
      total: links.length,
      completed: DONE.length,
      failed: FAILED.length,
    });
    for (const link of DONE)
      expect({ link, status: rows.get(link)?.status }).toEqual({ link, status: 'Done' });
  });

  it.each(FAILED)('fails %s with a reason Jenny can act on', (link, reason) => {
    const row = rows.get(link);
    expect(row?.error).toMatch(reason);
    expect(row?.status).toBe(`Failed: ${row?.error}`);
    // A row that never got its slideshow has no folder; one whose images were refused has one.
    expect(row?.output).toEqual(
      link.endsWith(RESERVED_POST_IDS['all-mirrors-403']) ? expect.stringMatching(/^Link_\d{3}_@/) : '',
    );
  });

  it('takes the fallbacks in order and only when they can help', () => {
    const texts = progress.events.map((event) => event.text).join('\n');
    expect(ctx.tiktok.counters['www.tikwm.com']).toBeGreaterThan(0);
    // The private post never reached another route: its refusal is final.
    expect(texts).not.toMatch(/private post; trying/);
    expect(ctx.tiktok.counters['m.tiktok.com']).toBeGreaterThan(0);
  });
});
