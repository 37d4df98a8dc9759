/**
 * Conditional format rules and their builder. Rules are stored with their ranges and never evaluated:
 * getBackgrounds() shows a cell's own background, not what a rule would paint.
 */
import { GasError } from '../../core/env';
import { normalizeColor } from './colors';
import { deepCopyList } from './copy';
import type { BooleanCriteriaName } from './enums';
import type { BooleanConditionSpec, ConditionFormat } from './model';

export class BooleanCondition implements Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  'getBackground' | 'getFontColor' | 'getBold' | 'getItalic' | 'getUnderline' | 'getStrikethrough'
> {
  private readonly spec: BooleanConditionSpec;

  constructor(spec: BooleanConditionSpec) {
    this.spec = { criteria: spec.criteria, values: deepCopyList(spec.values), format: { ...spec.format } };
  }

  getCriteriaType(): string {
    return this.spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return deepCopyList(this.spec.values);
  }

  getBackground(): string | null {
    return this.spec.format.background ?? null;
  }

  getFontColor(): string | null {
    return this.spec.format.fontColor ?? null;
  }

  getBold(): boolean | null {
    return this.spec.format.bold ?? null;
  }

  getItalic(): boolean | null {
    return this.spec.format.italic ?? null;
  }

  getUnderline(): boolean | null {
    return this.spec.format.underline ?? null;
  }

  getStrikethrough(): boolean | null {
    return this.spec.format.strikethrough ?? null;
  }
}

/** What Sheet.setConditionalFormatRules needs from a condition, read through public methods. */
export interface BooleanConditionLike {
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
  getBackground(): string | null;
  getFontColor(): string | null;
  getBold(): boolean | null;
  getItalic(): boolean | null;
  getUnderline(): boolean | null;
  getStrikethrough(): boolean | null;
}

export function conditionSpecOf(condition: BooleanConditionLike): BooleanConditionSpec {
  const format: ConditionFormat = {};
  const background = condition.getBackground();
  const fontColor = condition.getFontColor();
  const bold = condition.getBold();
  const italic = condition.getItalic();
  const underline = condition.getUnderline();
  const strikethrough = condition.getStrikethrough();
  if (background !== null) format.background = background;
  if (fontColor !== null) format.fontColor = fontColor;
  if (bold !== null) format.bold = bold;
  if (italic !== null) format.italic = italic;
  if (underline !== null) format.underline = underline;
  if (strikethrough !== null) format.strikethrough = strikethrough;
  return {
    criteria: String(condition.getCriteriaType()),
    values: deepCopyList(condition.getCriteriaValues()),
    format,
  };
}

/** A rule holds Range objects of whatever kind the caller gave it; `R` is the emulator's Range. */
export class ConditionalFormatRule<R = unknown> {
  private readonly condition: BooleanConditionSpec;
  private readonly ranges: R[];

  constructor(condition: BooleanConditionSpec, ranges: R[]) {
    this.condition = condition;
    this.ranges = [...ranges];
  }

  getBooleanCondition(): BooleanCondition {
    return new BooleanCondition(this.condition);
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): R[] {
    return [...this.ranges];
  }

  copy(): ConditionalFormatRuleBuilder<R> {
    return new ConditionalFormatRuleBuilder<R>(this.condition, this.ranges);
  }
}

export class ConditionalFormatRuleBuilder<R = unknown> {
  private criteria: string | null = null;
  private values: unknown[] = [];
  private format: ConditionFormat = {};
  private ranges: R[] = [];

  constructor(from?: BooleanConditionSpec, ranges?: R[]) {
    if (from) {
      this.criteria = from.criteria;
      this.values = deepCopyList(from.values);
      this.format = { ...from.format };
    }
    if (ranges) this.ranges = [...ranges];
  }

  private _when(criteria: BooleanCriteriaName, values: unknown[]): ConditionalFormatRuleBuilder<R> {
    this.criteria = criteria;
    this.values = deepCopyList(values);
    return this;
  }

  private _spec(): BooleanConditionSpec | null {
    return this.criteria === null
      ? null
      : { criteria: this.criteria, values: this.values, format: this.format };
  }

  build(): ConditionalFormatRule<R> {
    const spec = this._spec();
    if (!spec) throw new GasError('A conditional format rule must have a condition.');
    return new ConditionalFormatRule<R>(spec, this.ranges);
  }

  copy(): ConditionalFormatRuleBuilder<R> {
    return new ConditionalFormatRuleBuilder<R>(this._spec() ?? undefined, this.ranges);
  }

  getBooleanCondition(): BooleanCondition | null {
    const spec = this._spec();
    return spec ? new BooleanCondition(spec) : null;
  }

  getRanges(): R[] {
    return [...this.ranges];
  }

  setRanges(ranges: R[]): ConditionalFormatRuleBuilder<R> {
    this.ranges = [...ranges];
    return this;
  }

  setBackground(color: string | null): ConditionalFormatRuleBuilder<R> {
    if (color === null) delete this.format.background;
    else this.format.background = normalizeColor(color);
    return this;
  }

  setFontColor(color: string | null): ConditionalFormatRuleBuilder<R> {
    if (color === null) delete this.format.fontColor;
    else this.format.fontColor = normalizeColor(color);
    return this;
  }

  setBold(bold: boolean | null): ConditionalFormatRuleBuilder<R> {
    return this._setFlag('bold', bold);
  }

  setItalic(italic: boolean | null): ConditionalFormatRuleBuilder<R> {
    return this._setFlag('italic', italic);
  }

  setUnderline(underline: boolean | null): ConditionalFormatRuleBuilder<R> {
    return this._setFlag('underline', underline);
  }

  setStrikethrough(strikethrough: boolean | null): ConditionalFormatRuleBuilder<R> {
    return this._setFlag('strikethrough', strikethrough);
  }

  private _setFlag(
    flag: 'bold' | 'italic' | 'underline' | 'strikethrough',
    on: boolean | null,
  ): ConditionalFormatRuleBuilder<R> {
    if (on === null) delete this.format[flag];
    else this.format[flag] = Boolean(on);
    return this;
  }

  whenCellEmpty(): ConditionalFormatRuleBuilder<R> {
    return this._when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): ConditionalFormatRuleBuilder<R> {
    return this._when('CELL_NOT_EMPTY', []);
  }

  whenTextContains(text: string): ConditionalFormatRuleBuilder<R> {
    return this._when('TEXT_CONTAINS', [text]);
  }

  whenTextDoesNotContain(text: string): ConditionalFormatRuleBuilder<R> {
    return this._when('TEXT_DOES_NOT_CONTAIN', [text]);
  }

  whenTextStartsWith(text: string): ConditionalFormatRuleBuilder<R> {
    return this._when('TEXT_STARTS_WITH', [text]);
  }

  whenTextEndsWith(text: string): ConditionalFormatRuleBuilder<R> {
    return this._when('TEXT_ENDS_WITH', [text]);
  }

  whenTextEqualTo(text: string): ConditionalFormatRuleBuilder<R> {
    return this._when('TEXT_EQUAL_TO', [text]);
  }

  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder<R> {
    return this._when('CUSTOM_FORMULA', [formula]);
  }

  whenNumberBetween(start: number, end: number): ConditionalFormatRuleBuilder<R> {
    return this._when('NUMBER_BETWEEN', [start, end]);
  }

  whenNumberEqualTo(number: number): ConditionalFormatRuleBuilder<R> {
    return this._when('NUMBER_EQUAL_TO', [number]);
  }

  whenNumberGreaterThan(number: number): ConditionalFormatRuleBuilder<R> {
    return this._when('NUMBER_GREATER_THAN', [number]);
  }

  whenNumberLessThan(number: number): ConditionalFormatRuleBuilder<R> {
    return this._when('NUMBER_LESS_THAN', [number]);
  }
}
