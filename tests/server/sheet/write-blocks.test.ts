import { planWriteBlocks } from '../../../src/server/sheet/write-blocks';

describe('planWriteBlocks', () => {
  it('writes adjacent rows changing the same adjacent columns as one block', () => {
    const blocks = planWriteBlocks([
      { rowNumber: 3, column: 6, value: 'a6' },
      { rowNumber: 3, column: 7, value: 'a7' },
      { rowNumber: 2, column: 6, value: 'b6' },
      { rowNumber: 2, column: 7, value: 'b7' },
    ]);
    expect(blocks).toEqual([
      {
        row: 2,
        column: 6,
        values: [
          ['b6', 'b7'],
          ['a6', 'a7'],
        ],
      },
    ]);
  });

  it('never covers a cell nobody writes: gaps in rows or columns split blocks', () => {
    const blocks = planWriteBlocks([
      { rowNumber: 2, column: 6, value: 'x' },
      { rowNumber: 4, column: 6, value: 'y' },
      { rowNumber: 5, column: 6, value: 'z' },
      { rowNumber: 5, column: 8, value: 'e' },
    ]);
    expect(blocks).toEqual([
      { row: 2, column: 6, values: [['x']] },
      { row: 4, column: 6, values: [['y']] },
      { row: 5, column: 6, values: [['z']] },
      { row: 5, column: 8, values: [['e']] },
    ]);
  });

  it('lets the later write to a cell win', () => {
    expect(
      planWriteBlocks([
        { rowNumber: 2, column: 1, value: 'old' },
        { rowNumber: 2, column: 1, value: 'new' },
      ]),
    ).toEqual([{ row: 2, column: 1, values: [['new']] }]);
  });

  it('plans nothing for nothing', () => {
    expect(planWriteBlocks([])).toEqual([]);
  });
});
