import { sweep } from './kill-sweep';

it('killed at every call index of the first pump, before the call: every item done once, no duplicate file', async () => {
  const { calls, failures } = await sweep('before');
  expect(calls).toBeGreaterThan(30);
  expect(failures).toEqual([]);
}, 300_000);
