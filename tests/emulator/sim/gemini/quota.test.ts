import { imageGenerationConfig, textPart } from '../../../../src/server/gemini/content';
import { readImage } from '../../../../src/server/gemini/images';
import { readGenerateContent } from '../../../../src/server/gemini/generate';
import { generateContent } from '../../../../src/server/gemini/request';
import { newSim, NOW, send } from './helpers';

const KEY_A = 'AIzaSyProjectA-key-one-000000000000000';
const KEY_B = 'AIzaSyProjectA-key-two-000000000000000';
const FREE = 'AIzaSyFreeTierNoBilling-00000000000000';

function imageCall(key = KEY_A) {
  return generateContent(key, 'gemini-2.5-flash-image', {
    contents: [{ parts: [textPart('A product shot')] }],
    generationConfig: imageGenerationConfig('1:1'),
  });
}

function textCall(key = KEY_A) {
  return generateContent(key, 'gemini-2.5-flash', { contents: [{ parts: [textPart('Hello')] }] });
}

const keys = [
  { key: KEY_A, project: 'shop' },
  { key: KEY_B, project: 'shop' },
  { key: FREE, project: 'hobby', noBilling: true },
];

describe('simulated quotas', () => {
  it('answers 429 with RetryInfo once the per-minute limit is used, until the oldest request leaves the window', () => {
    const sim = newSim({ keys, rpm: { 'gemini-2.5-flash-image': 3 } });
    for (const offset of [0, 1_000, 2_000]) expect(send(sim, imageCall(), NOW + offset).status).toBe(200);

    const refused = send(sim, imageCall(), NOW + 10_000);
    expect(refused.status).toBe(429);
    const details = JSON.parse(refused.body).error.details as {
      '@type': string;
      retryDelay?: string;
      violations?: { quotaId: string }[];
    }[];
    expect(details.find((d) => d['@type'].endsWith('RetryInfo'))?.retryDelay).toBe('50s');
    expect(details.find((d) => d['@type'].endsWith('QuotaFailure'))?.violations?.[0]?.quotaId).toBe(
      'GenerateRequestsPerMinutePerProjectPerModel',
    );
    expect(readImage(refused, NOW + 10_000)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 50_000 });

    expect(send(sim, imageCall(), NOW + 59_999).status).toBe(429);
    expect(send(sim, imageCall(), NOW + 60_000).status).toBe(200);
    expect(sim.stats.rateLimited).toBe(2);
  });

  it('shares limits between keys of one project, and keeps models apart', () => {
    const sim = newSim({ keys, rpm: { 'gemini-2.5-flash-image': 1 } });
    expect(send(sim, imageCall(KEY_A)).status).toBe(200);
    expect(send(sim, imageCall(KEY_B), NOW + 500).status).toBe(429);
    expect(send(sim, textCall(KEY_B), NOW + 500).status).toBe(200);
  });

  it('pauses at the per-day limit until midnight Pacific time', () => {
    const sim = newSim({ keys, rpd: { 'gemini-2.5-flash-image': 2 } });
    expect(send(sim, imageCall(), NOW).status).toBe(200);
    expect(send(sim, imageCall(), NOW + 120_000).status).toBe(200);
    const refused = send(sim, imageCall(), NOW + 240_000);
    expect(readImage(refused, NOW + 240_000)).toMatchObject({
      kind: 'quota-day',
      batch: 'pause',
      resumeAt: Date.parse('2026-11-23T08:00:00Z'),
    });
    expect(send(sim, imageCall(), Date.parse('2026-11-23T07:59:59Z')).status).toBe(429);
    expect(send(sim, imageCall(), Date.parse('2026-11-23T08:00:00Z')).status).toBe(200);
    expect(sim.stats.quotaDay).toBe(2);
  });

  it('refuses image models on a project without billing (limit 0), which the client reads as "needs billing"', () => {
    const sim = newSim({ keys });
    const refused = send(sim, imageCall(FREE));
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('limit: 0');
    const read = readImage(refused, NOW);
    expect(read).toMatchObject({ kind: 'settings', code: 'BILLING_REQUIRED', batch: 'stop' });
    expect(read.kind === 'settings' && read.message).toMatch(/billing/i);
    expect(send(sim, textCall(FREE)).status).toBe(200);
    expect(sim.stats.billing).toBe(1);
  });

  it('rejects an unknown key and a request without one', () => {
    const sim = newSim({ keys });
    const bad = send(sim, textCall('AIzaSyNotAKeyThisProjectKnows-000000000'));
    expect(readGenerateContent(bad, NOW)).toMatchObject({ kind: 'settings', code: 'KEY_INVALID' });
    const spec = textCall();
    const anonymous = send(sim, { ...spec, headers: {} });
    expect(readGenerateContent(anonymous, NOW)).toMatchObject({ kind: 'settings', code: 'KEY_MISSING' });
    expect(sim.stats.badKey).toBe(1);
  });

  it('notices a key sent in the URL (which the client must never do)', () => {
    const sim = newSim({ keys });
    const spec = textCall();
    send(sim, { ...spec, url: `${spec.url}?key=${KEY_A}`, headers: {} });
    send(sim, spec);
    expect(sim.stats.keyInUrl).toBe(1);
  });
});
