import { sweep } from './kill-sweep';

it('killed after a service call took effect (every fetchAll, and others across the first pump): the row done once, no file twice', () => {
  const { calls, fetchCalls, failures } = sweep('after', 12);
  expect(calls).toBeGreaterThan(100);
  expect(fetchCalls).toBeGreaterThan(8);
  expect(failures).toEqual([]);
}, 600_000);
