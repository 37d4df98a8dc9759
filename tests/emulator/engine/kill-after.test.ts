import { sweep } from './kill-sweep';

it('killed at every call index of the first pump, after the call: every item done once, no duplicate file', async () => {
  const { calls, failures } = await sweep('after');
  expect(calls).toBeGreaterThan(30);
  expect(failures).toEqual([]);
}, 300_000);
