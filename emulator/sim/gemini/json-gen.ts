/**
 * A value that validates against a JSON Schema, for the subset Gemini's structured output takes: type
 * (also as a list, and OpenAPI's upper-case names), properties, required, items, minItems, maxItems,
 * enum, const, anyOf/oneOf, $ref into $defs, minimum/maximum, minLength/maxLength, format. Unknown
 * keywords are ignored. String content is chosen by the property's name (caption, text, layout, ...).
 */
import { caption, describe, hashtag, layout, role, slideText, style, type Position } from './copy';
import type { PromptFacts } from './prompt';
import type { Rng } from './random';

export interface GenerationContext {
  facts: PromptFacts;
  rng: Rng;
  /** How many slides the answer should have (arrays of slides get this length when the schema allows). */
  slideCount: number;
}

type Schema = Record<string, unknown>;

const MAX_DEPTH = 12;

function asSchema(value: unknown): Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Schema) : {};
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function generateFromSchema(schema: unknown, context: GenerationContext): unknown {
  const root = asSchema(schema);
  return new Generator(root, context).value(root, '', undefined, 0);
}

class Generator {
  constructor(
    private readonly root: Schema,
    private readonly context: GenerationContext,
  ) {}

  value(raw: unknown, name: string, position: Position | undefined, depth: number): unknown {
    const schema = this.resolve(asSchema(raw));
    if (depth > MAX_DEPTH) return null;
    if ('const' in schema) return schema.const;
    const branches = (schema.anyOf ?? schema.oneOf) as unknown;
    if (Array.isArray(branches) && branches.length > 0) {
      const nonNull = branches.find((branch) => this.typeOf(this.resolve(asSchema(branch))) !== 'null');
      return this.value(nonNull ?? branches[0], name, position, depth + 1);
    }
    if (Array.isArray(schema.enum) && schema.enum.length > 0) return this.pickEnum(schema.enum, position);

    switch (this.typeOf(schema)) {
      case 'object':
        return this.object(schema, position, depth);
      case 'array':
        return this.array(schema, name, depth);
      case 'integer':
        return this.integer(schema, name, position);
      case 'number':
        return this.number(schema, name);
      case 'boolean':
        return this.context.rng.chance(0.5);
      case 'null':
        return null;
      default:
        return this.string(schema, name, position);
    }
  }

  private resolve(schema: Schema): Schema {
    let current = schema;
    for (let hops = 0; typeof current.$ref === 'string' && hops < 8; hops++) {
      const path = current.$ref.replace(/^#\/?/, '').split('/').filter(Boolean);
      let target: unknown = this.root;
      for (const key of path)
        target = asSchema(target)[decodeURIComponent(key.replace(/~1/g, '/').replace(/~0/g, '~'))];
      current = asSchema(target);
    }
    return current;
  }

  private typeOf(schema: Schema): string {
    const type = schema.type;
    const first = Array.isArray(type)
      ? (type.find((t) => String(t).toLowerCase() !== 'null') ?? type[0])
      : type;
    if (typeof first === 'string') return first.toLowerCase();
    if (schema.properties) return 'object';
    if (schema.items) return 'array';
    return 'string';
  }

  /** Roles and other ordered enums follow the slide's position, so slide 1 is the hook. */
  private pickEnum(values: unknown[], position: Position | undefined): unknown {
    if (position && position.count > 1) {
      return values[Math.round((position.index / (position.count - 1)) * (values.length - 1))];
    }
    return this.context.rng.pick(values);
  }

  private object(schema: Schema, position: Position | undefined, depth: number): Record<string, unknown> {
    const properties = asSchema(schema.properties);
    const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
    const out: Record<string, unknown> = {};
    for (const [key, propertySchema] of Object.entries(properties)) {
      out[key] = this.value(propertySchema, key, position, depth + 1);
    }
    for (const key of required) {
      if (!(key in out)) out[key] = this.string({}, key, position);
    }
    return out;
  }

  private array(schema: Schema, name: string, depth: number): unknown[] {
    const min = num(schema.minItems) ?? 0;
    const max = num(schema.maxItems) ?? Infinity;
    const items = asSchema(schema.items);
    const ofObjects = this.typeOf(this.resolve(items)) === 'object';
    let wanted: number;
    if (min === max) wanted = min;
    else if (/slide/i.test(name) || (depth === 0 && ofObjects)) wanted = this.context.slideCount;
    else wanted = this.context.rng.int(2, 4);
    const length = Math.max(min, Math.min(max, wanted));
    return Array.from({ length }, (_, index) => this.value(items, name, { index, count: length }, depth + 1));
  }

  private integer(schema: Schema, name: string, position: Position | undefined): number {
    const { low, high } = this.bounds(schema, true);
    let value: number;
    if (position && /index|number|position|order|^n$/i.test(name))
      value = position.index + (low >= 1 ? 1 : 0);
    else if (/count|total/i.test(name)) value = this.context.slideCount;
    else {
      const from = Number.isFinite(low) ? low : 0;
      value = this.context.rng.int(from, Math.max(from, Math.min(high, from + 10)));
    }
    return Math.min(high, Math.max(low, value));
  }

  private number(schema: Schema, name: string): number {
    const { low, high } = this.bounds(schema, false);
    const preferred = /confidence|score|probability|ratio/i.test(name)
      ? 0.6 + this.context.rng.next() * 0.39
      : this.context.rng.next() * 10;
    return Math.round(Math.min(high, Math.max(low, preferred)) * 100) / 100;
  }

  private bounds(schema: Schema, integer: boolean): { low: number; high: number } {
    const step = integer ? 1 : 0.01;
    const exclusiveLow = num(schema.exclusiveMinimum);
    const exclusiveHigh = num(schema.exclusiveMaximum);
    const low = Math.max(
      num(schema.minimum) ?? -Infinity,
      exclusiveLow === undefined ? -Infinity : exclusiveLow + step,
    );
    const high = Math.min(
      num(schema.maximum) ?? Infinity,
      exclusiveHigh === undefined ? Infinity : exclusiveHigh - step,
    );
    return { low: integer ? Math.ceil(low) : low, high: integer ? Math.floor(high) : high };
  }

  private string(schema: Schema, name: string, position: Position | undefined): string {
    const { facts, rng } = this.context;
    const format = typeof schema.format === 'string' ? schema.format : '';
    let text: string;
    if (format === 'date-time') text = '2026-11-22T12:00:00Z';
    else if (format === 'date') text = '2026-11-22';
    else if (format === 'uri' || /url|uri|link/i.test(name))
      text = `https://example.com/${facts.productWords[0] ?? 'product'}`;
    else if (/hashtag|tags?$/i.test(name)) text = hashtag(facts, position);
    else if (/caption/i.test(name)) text = caption(facts, rng);
    else if (/colou?r/i.test(name)) text = `#${(facts.baseHash & 0xffffff).toString(16).padStart(6, '0')}`;
    else if (/role|purpose|kind|type/i.test(name)) text = role(position);
    else if (/layout|position|placement|composition/i.test(name)) text = layout(facts, position);
    else if (/style|mood|tone|font|aesthetic|vibe/i.test(name)) text = style(facts);
    else if (/text|headline|title|copy|overlay|hook|line/i.test(name)) text = slideText(facts, position, rng);
    else if (/name|product|brand/i.test(name)) text = facts.productName;
    else if (/desc|summary|note|visual|scene|subject|background|image|prompt|reason|why/i.test(name))
      text = describe(facts, rng);
    else text = slideText(facts, position, rng);
    return fitLength(text, num(schema.minLength), num(schema.maxLength));
  }
}

function fitLength(text: string, min: number | undefined, max: number | undefined): string {
  let out = text;
  while (min !== undefined && out.length < min) out += ' and more';
  if (max !== undefined && out.length > max) out = out.slice(0, max).trimEnd();
  if (min !== undefined && out.length < min) out = out.padEnd(min, '.');
  return out;
}
