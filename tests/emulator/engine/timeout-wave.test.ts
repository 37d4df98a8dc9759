/**
 * A wave whose slowest request outlasts UrlFetchApp's deadline: the whole fetchAll fails after the wait.
 * Its requests went out and may have done their work, so none is sent again at once (that would repeat
 * the work and could outlast the items' leases); each item hears "no answer" and is tried later.
 */
import { engineWorld, expectOk, prepareSheet } from './world';

it('a fetchAll that timed out is not sent again request by request', async () => {
  const { world, runtime, services } = await engineWorld({ workLatencyMs: 70_000 });
  prepareSheet(runtime, [
    'https://www.tiktok.com/@a/photo/7300000000000041001?parts-1',
    'https://www.tiktok.com/@b/photo/7300000000000041002?parts-1',
    'https://www.tiktok.com/@c/photo/7300000000000041003?parts-1',
  ]);
  expectOk(runtime.callFromSidebar('startBatch', [{}]));
  const report = runtime.callFromSidebar('pumpBatch', []);
  expect(report.status).toBe('completed');
  // The three work requests went out together once, and no request went out twice.
  expect(services.workCalls.size).toBeGreaterThan(1);
  expect([...services.workCalls.values()].every((count) => count === 1)).toBe(true);
  const timedOut = world.fetches.filter((fetch) => fetch.status === 'timeout');
  expect(timedOut.length).toBeGreaterThan(1);
});
