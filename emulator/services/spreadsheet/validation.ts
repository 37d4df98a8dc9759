/**
 * Data validation rules and their builder. Rules are stored, never evaluated: setValue accepts any value
 * whatever the rule says, as Apps Script writes past "show a warning" rules (allowInvalid, the default).
 */
import { GasError } from '../../core/env';
import { deepCopyList } from './copy';
import { DataValidationCriteria, type DataValidationCriteriaName } from './enums';
import type { ValidationSpec } from './model';

export class DataValidation implements Pick<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'getAllowInvalid' | 'getCriteriaValues'
> {
  private readonly spec: ValidationSpec;

  constructor(spec: ValidationSpec) {
    this.spec = { ...spec, values: deepCopyList(spec.values) };
  }

  getCriteriaType(): string {
    return this.spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return deepCopyList(this.spec.values);
  }

  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }

  /** null when no help text was set, as Apps Script documents. */
  getHelpText(): string | null {
    return this.spec.helpText;
  }

  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.spec);
  }
}

/** What setDataValidation needs from a rule, read through its public methods (it may arrive wrapped). */
export interface DataValidationLike {
  getCriteriaType(): unknown;
  getCriteriaValues(): unknown[];
  getAllowInvalid(): boolean;
  getHelpText(): string | null;
}

export function validationSpecOf(rule: DataValidationLike): ValidationSpec {
  return {
    criteria: String(rule.getCriteriaType()),
    values: deepCopyList(rule.getCriteriaValues()),
    allowInvalid: Boolean(rule.getAllowInvalid()),
    helpText: rule.getHelpText() ?? null,
  };
}

export class DataValidationBuilder {
  private criteria: string | null = null;
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText: string | null = null;

  constructor(from?: ValidationSpec) {
    if (from) {
      this.criteria = from.criteria;
      this.values = deepCopyList(from.values);
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText;
    }
  }

  private _require(criteria: DataValidationCriteriaName, values: unknown[]): DataValidationBuilder {
    this.criteria = criteria;
    this.values = deepCopyList(values);
    return this;
  }

  build(): DataValidation {
    if (this.criteria === null) throw new GasError('You must specify a validation criteria.');
    return new DataValidation({
      criteria: this.criteria,
      values: this.values,
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    });
  }

  copy(): DataValidationBuilder {
    const copy = new DataValidationBuilder();
    copy.criteria = this.criteria;
    copy.values = deepCopyList(this.values);
    copy.allowInvalid = this.allowInvalid;
    copy.helpText = this.helpText;
    return copy;
  }

  getCriteriaType(): string | null {
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    return deepCopyList(this.values);
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getHelpText(): string | null {
    return this.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.allowInvalid = Boolean(allowInvalidData);
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this.helpText = String(helpText);
    return this;
  }

  withCriteria(criteria: unknown, args: unknown[]): DataValidationBuilder {
    const name = String(criteria);
    if (!(name in DataValidationCriteria)) throw new GasError(`Invalid argument: criteria`);
    return this._require(name as DataValidationCriteriaName, args);
  }

  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    return this._require('VALUE_IN_LIST', [deepCopyList(values), Boolean(showDropdown)]);
  }

  requireCheckbox(...checkedUnchecked: unknown[]): DataValidationBuilder {
    return this._require('CHECKBOX', checkedUnchecked.slice(0, 2));
  }

  requireNumberBetween(start: number, end: number): DataValidationBuilder {
    return this._require('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberNotBetween(start: number, end: number): DataValidationBuilder {
    return this._require('NUMBER_NOT_BETWEEN', [start, end]);
  }

  requireNumberEqualTo(number: number): DataValidationBuilder {
    return this._require('NUMBER_EQUAL_TO', [number]);
  }

  requireNumberNotEqualTo(number: number): DataValidationBuilder {
    return this._require('NUMBER_NOT_EQUAL_TO', [number]);
  }

  requireNumberGreaterThan(number: number): DataValidationBuilder {
    return this._require('NUMBER_GREATER_THAN', [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): DataValidationBuilder {
    return this._require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }

  requireNumberLessThan(number: number): DataValidationBuilder {
    return this._require('NUMBER_LESS_THAN', [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): DataValidationBuilder {
    return this._require('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }

  requireTextContains(text: string): DataValidationBuilder {
    return this._require('TEXT_CONTAINS', [text]);
  }

  requireTextDoesNotContain(text: string): DataValidationBuilder {
    return this._require('TEXT_DOES_NOT_CONTAIN', [text]);
  }

  requireTextEqualTo(text: string): DataValidationBuilder {
    return this._require('TEXT_EQUAL_TO', [text]);
  }

  requireTextIsEmail(): DataValidationBuilder {
    return this._require('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): DataValidationBuilder {
    return this._require('TEXT_IS_VALID_URL', []);
  }

  requireFormulaSatisfied(formula: string): DataValidationBuilder {
    return this._require('CUSTOM_FORMULA', [formula]);
  }

  requireDate(): DataValidationBuilder {
    return this._require('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: Date): DataValidationBuilder {
    return this._require('DATE_AFTER', [date]);
  }

  requireDateBefore(date: Date): DataValidationBuilder {
    return this._require('DATE_BEFORE', [date]);
  }
}
