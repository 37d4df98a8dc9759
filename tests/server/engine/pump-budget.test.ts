import { PUMP_BUDGET_MS, pumpBudgetMs } from '../../../src/server/batch/service';

describe('a sidebar pump keeps starting waves', () => {
  it('for 40 s with one lane or a few, and 10 s a lane with many, so progress comes back about every 10 s', () => {
    expect(pumpBudgetMs(1)).toBe(PUMP_BUDGET_MS);
    expect(pumpBudgetMs(3)).toBe(40_000);
    expect(pumpBudgetMs(6)).toBe(60_000);
    expect(pumpBudgetMs(9)).toBe(90_000);
  });
});
