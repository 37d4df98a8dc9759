/**
 * Drive's search language (the `q` parameter), for the few clauses this project needs. A name written
 * into a query must have its backslashes and single quotes escaped, or a folder called "Jenny's" breaks
 * the query (400) and a name ending in a backslash swallows the closing quote.
 */

/** A string literal for `q`: single-quoted, with `\` and `'` escaped by a backslash. */
export function queryLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export interface ChildrenFilter {
  name?: string;
  mimeType?: string;
}

/** The untrashed children of a folder, optionally one name and one type: `'id' in parents and ...`. */
export function childrenQuery(parentId: string, filter: ChildrenFilter = {}): string {
  const clauses = [`${queryLiteral(parentId)} in parents`];
  if (filter.name !== undefined) clauses.push(`name = ${queryLiteral(filter.name)}`);
  if (filter.mimeType !== undefined) clauses.push(`mimeType = ${queryLiteral(filter.mimeType)}`);
  clauses.push('trashed = false');
  return clauses.join(' and ');
}
