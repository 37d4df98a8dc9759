import { GasError } from '../../../emulator/core/env';
import {
  ConditionalFormatRuleBuilder,
  DataValidationBuilder,
  RichTextValueBuilder,
} from '../../../emulator/services/spreadsheet';

describe('DataValidationBuilder', () => {
  it('builds a list rule with defaults: allowInvalid true, no help text, dropdown shown', () => {
    const rule = new DataValidationBuilder().requireValueInList(['a', 'b']).build();
    expect(rule.getCriteriaType()).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['a', 'b'], true]);
    expect(rule.getAllowInvalid()).toBe(true);
    expect(rule.getHelpText()).toBeNull();
  });

  it('keeps settings and copies rules into new builders', () => {
    const rule = new DataValidationBuilder()
      .requireNumberBetween(1, 100)
      .setAllowInvalid(false)
      .setHelpText('1 to 100')
      .build();
    expect([rule.getCriteriaValues(), rule.getAllowInvalid(), rule.getHelpText()]).toEqual([
      [1, 100],
      false,
      '1 to 100',
    ]);
    const changed = rule.copy().requireNumberBetween(1, 10).build();
    expect(changed.getCriteriaValues()).toEqual([1, 10]);
    expect(changed.getHelpText()).toBe('1 to 100');
    expect(rule.getCriteriaValues()).toEqual([1, 100]);
  });

  it('is not affected by later changes to the arrays it was given', () => {
    const values = ['x'];
    const rule = new DataValidationBuilder().requireValueInList(values, false).build();
    values.push('y');
    const read = rule.getCriteriaValues();
    (read[0] as string[]).push('z');
    expect(rule.getCriteriaValues()).toEqual([['x'], false]);
  });

  it('supports other criteria and withCriteria', () => {
    const b = new DataValidationBuilder();
    expect(b.requireCheckbox().build().getCriteriaType()).toBe('CHECKBOX');
    expect(b.requireTextIsUrl().build().getCriteriaType()).toBe('TEXT_IS_VALID_URL');
    expect(b.requireFormulaSatisfied('=A1>0').build().getCriteriaValues()).toEqual(['=A1>0']);
    expect(b.withCriteria('NUMBER_GREATER_THAN', [3]).build().getCriteriaType()).toBe('NUMBER_GREATER_THAN');
    expect(() => b.withCriteria('NOT_A_CRITERIA', [])).toThrow(GasError);
  });

  it('refuses to build without criteria', () => {
    expect(() => new DataValidationBuilder().build()).toThrow(GasError);
  });
});

describe('ConditionalFormatRuleBuilder', () => {
  it('builds boolean conditions with their formats', () => {
    const rule = new ConditionalFormatRuleBuilder<string>()
      .whenTextContains('fail')
      .setBackground('red')
      .setFontColor('#FFF')
      .setBold(true)
      .setRanges(['r1'])
      .build();
    const condition = rule.getBooleanCondition();
    expect(condition.getCriteriaType()).toBe('TEXT_CONTAINS');
    expect(condition.getCriteriaValues()).toEqual(['fail']);
    expect([
      condition.getBackground(),
      condition.getFontColor(),
      condition.getBold(),
      condition.getItalic(),
    ]).toEqual(['#ff0000', '#ffffff', true, null]);
    expect(rule.getRanges()).toEqual(['r1']);
    expect(rule.getGradientCondition()).toBeNull();
  });

  it.each([
    ['whenTextStartsWith', ['x'], 'TEXT_STARTS_WITH'],
    ['whenTextEqualTo', ['x'], 'TEXT_EQUAL_TO'],
    ['whenFormulaSatisfied', ['=$A1="x"'], 'CUSTOM_FORMULA'],
    ['whenNumberBetween', [1, 2], 'NUMBER_BETWEEN'],
    ['whenCellNotEmpty', [], 'CELL_NOT_EMPTY'],
  ] as const)('%s records %s', (method, args, criteria) => {
    const builder = new ConditionalFormatRuleBuilder() as unknown as Record<
      string,
      (...a: unknown[]) => ConditionalFormatRuleBuilder
    >;
    const rule = builder[method]!(...args).build();
    expect(rule.getBooleanCondition().getCriteriaType()).toBe(criteria);
    expect(rule.getBooleanCondition().getCriteriaValues()).toEqual(args);
  });

  it('copies a rule into a builder that can change it', () => {
    const rule = new ConditionalFormatRuleBuilder().whenCellEmpty().setBackground('#eeeeee').build();
    const copy = rule.copy().setBackground(null).whenCellNotEmpty().build();
    expect(copy.getBooleanCondition().getBackground()).toBeNull();
    expect(rule.getBooleanCondition().getBackground()).toBe('#eeeeee');
  });

  it('refuses to build without a condition', () => {
    expect(() => new ConditionalFormatRuleBuilder().setBackground('red').build()).toThrow(GasError);
    expect(new ConditionalFormatRuleBuilder().getBooleanCondition()).toBeNull();
  });
});

describe('RichTextValueBuilder', () => {
  it('links the whole text or a part of it', () => {
    const whole = new RichTextValueBuilder().setText('abc').setLinkUrl('https://a.test').build();
    expect(whole.getLinkUrl()).toBe('https://a.test');
    expect(whole.getRuns()).toHaveLength(1);
    const part = new RichTextValueBuilder().setText('abcdef').setLinkUrl(2, 4, 'https://p.test').build();
    expect(
      part.getRuns().map((r) => [r.getStartIndex(), r.getEndIndex(), r.getText(), r.getLinkUrl()]),
    ).toEqual([
      [0, 2, 'ab', null],
      [2, 4, 'cd', 'https://p.test'],
      [4, 6, 'ef', null],
    ]);
  });

  it('removes a link with null and rejects offsets outside the text', () => {
    const b = new RichTextValueBuilder().setText('abcdef').setLinkUrl('https://a.test');
    b.setLinkUrl(0, 3, null);
    expect(b.build().getLinkUrl(3, 6)).toBe('https://a.test');
    expect(b.build().getLinkUrl(0, 3)).toBeNull();
    expect(() => b.setLinkUrl(4, 9, 'x')).toThrow(GasError);
  });

  it('copies a value into a builder', () => {
    const value = new RichTextValueBuilder().setText('hello').setLinkUrl(0, 2, 'https://h.test').build();
    const copy = value.copy().build();
    expect([copy.getText(), copy.getLinkUrl(0, 2), copy.getLinkUrl(2, 5)]).toEqual([
      'hello',
      'https://h.test',
      null,
    ]);
  });
});
