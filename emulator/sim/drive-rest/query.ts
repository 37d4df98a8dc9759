/**
 * The part of Drive's search language the simulator understands: clauses joined by `and`, each one of
 *   'ID' in parents      name = 'x'     name != 'x'     mimeType = 'x'     mimeType != 'x'
 *   trashed = true|false
 * String literals are single-quoted with `\'` and `\\` escapes. Anything else (or, not, contains,
 * parentheses, other fields) answers 400 "Invalid Value", so a client that starts using more of the
 * language finds out here rather than against the real Drive.
 */

export type Clause =
  | { kind: 'in-parents'; parentId: string }
  | { kind: 'name' | 'mimeType'; negated: boolean; value: string }
  | { kind: 'trashed'; negated: boolean; value: boolean };

type Token =
  { type: 'string'; value: string } | { type: 'word'; value: string } | { type: 'op'; value: string };

function tokenize(q: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  while (at < q.length) {
    const char = q[at] ?? '';
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === "'") {
      let value = '';
      at += 1;
      for (;;) {
        const next = q[at];
        if (next === undefined) return null;
        if (next === "'") break;
        if (next === '\\') {
          const escaped = q[at + 1];
          if (escaped === undefined) return null;
          value += escaped;
          at += 2;
        } else {
          value += next;
          at += 1;
        }
      }
      at += 1;
      tokens.push({ type: 'string', value });
    } else if (char === '!' || char === '=') {
      const op = q.startsWith('!=', at) ? '!=' : char === '=' ? '=' : null;
      if (op === null) return null;
      tokens.push({ type: 'op', value: op });
      at += op.length;
    } else {
      const word = /^[A-Za-z]+/.exec(q.slice(at))?.[0];
      if (!word) return null;
      tokens.push({ type: 'word', value: word });
      at += word.length;
    }
  }
  return tokens;
}

/** The clauses of `q`, or null when it uses anything outside the subset above. */
export function parseQuery(q: string): Clause[] | null {
  const tokens = tokenize(q);
  if (tokens === null || tokens.length === 0) return null;
  const clauses: Clause[] = [];
  let at = 0;
  const word = (offset: number) => {
    const token = tokens[at + offset];
    return token?.type === 'word' ? token.value : undefined;
  };
  for (;;) {
    const first = tokens[at];
    const op = tokens[at + 1];
    const third = tokens[at + 2];
    if (first?.type === 'string' && word(1)?.toLowerCase() === 'in' && word(2) === 'parents') {
      clauses.push({ kind: 'in-parents', parentId: first.value });
    } else if (
      (word(0) === 'name' || word(0) === 'mimeType') &&
      op?.type === 'op' &&
      third?.type === 'string'
    ) {
      clauses.push({ kind: word(0) as 'name' | 'mimeType', negated: op.value === '!=', value: third.value });
    } else if (word(0) === 'trashed' && op?.type === 'op' && (word(2) === 'true' || word(2) === 'false')) {
      clauses.push({ kind: 'trashed', negated: op.value === '!=', value: word(2) === 'true' });
    } else {
      return null;
    }
    at += 3;
    if (at === tokens.length) return clauses;
    if (word(0)?.toLowerCase() !== 'and') return null;
    at += 1;
  }
}
