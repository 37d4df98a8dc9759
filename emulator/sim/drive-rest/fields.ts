/**
 * The `fields` parameter: a partial response, e.g. `id,name` or `nextPageToken,files(id,size)`. Drive
 * answers 400 for a field it does not know, which catches a client's typo in a test as it would live.
 */

/** Field name → `true` (the whole value) or the selection inside it. `*` selects everything. */
export type FieldSelection = Map<string, FieldSelection | true>;

/** Parses `a,b(c,d),e`; null when the text is malformed. */
export function parseFields(text: string): FieldSelection | null {
  const tokens = text.match(/[A-Za-z_*][\w*]*|[(),]|\S/g) ?? [];
  let at = 0;
  const list = (): FieldSelection | null => {
    const out: FieldSelection = new Map();
    for (;;) {
      const name = tokens[at];
      if (name === undefined || !/^[A-Za-z_*]/.test(name)) return null;
      at += 1;
      let value: FieldSelection | true = true;
      if (tokens[at] === '(') {
        at += 1;
        const inner = list();
        if (inner === null || tokens[at] !== ')') return null;
        at += 1;
        value = inner;
      }
      out.set(name, value);
      if (tokens[at] !== ',') return out;
      at += 1;
    }
  };
  const selection = list();
  return selection !== null && at === tokens.length ? selection : null;
}

/** The selected keys of `value`, or the name of the first field Drive would not know. */
export function project(
  value: Readonly<Record<string, unknown>>,
  selection: FieldSelection | true,
  known: ReadonlySet<string>,
): { ok: Record<string, unknown> } | { unknown: string } {
  if (selection === true || selection.has('*')) return { ok: { ...value } };
  const out: Record<string, unknown> = {};
  for (const [name, sub] of selection) {
    if (!known.has(name) || sub !== true) return { unknown: name };
    if (value[name] !== undefined) out[name] = value[name];
  }
  return { ok: out };
}
