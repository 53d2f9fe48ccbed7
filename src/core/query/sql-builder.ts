// A fragment of SQL with its positional parameters, so that conditions built in pieces keep
// their `?` placeholders and values in step.
import type { SqlValue } from 'sql.js';

/** SQL text with `?` placeholders and the values that fill them, in order. */
export interface Sql {
  text: string;
  params: SqlValue[];
}

/** A fragment. */
export function sql(text: string, ...params: SqlValue[]): Sql {
  return { text, params };
}

/** Fragments joined with `op` (AND / OR), each in parentheses; `empty` when there are none. */
export function join(parts: Sql[], op: 'AND' | 'OR', empty = '1'): Sql {
  if (!parts.length) return sql(empty);
  if (parts.length === 1) return parts[0];
  return { text: parts.map((p) => `(${p.text})`).join(` ${op} `), params: parts.flatMap((p) => p.params) };
}

/** `NOT (fragment)`, counting an unknown (NULL) value as not matching. */
export function not(part: Sql): Sql {
  return { text: `NOT coalesce((${part.text}), 0)`, params: part.params };
}
