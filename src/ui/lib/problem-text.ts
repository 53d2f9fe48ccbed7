// What the page says about a file's problem, in its language: the core gives a code, a reason
// code where the cause is a sentence of its own (the decoder's, a zip entry's), and the detail
// (a file name, a limit, an exception's text); the sentence is made here from messages*.ts.
import type { Problem } from '../../core/ingest/types';
import type { MessageKey } from '../messages';
import { messages } from '../messages';
import { i18n } from './i18n.svelte';

/** The message key for a reason code (`binary:png` → `reason.binary-png`; `control-chars:utf-8`
 *  → `reason.control-chars` with the encoding as {arg}), or null for an unknown reason. */
function reasonKey(reason: string): { key: MessageKey; arg: string } | null {
  const [head, ...rest] = reason.split(':');
  const arg = rest.join(':');
  for (const key of [`reason.${head}-${arg}`, `reason.${head}`]) {
    if (key in messages.zh) return { key: key as MessageKey, arg };
  }
  return null;
}

/** The sentence for a problem in the page's language, with its detail. */
export function problemText(p: Problem): string {
  const reason = p.reason ? reasonKey(p.reason) : null;
  const detail = reason ? i18n.t(reason.key, { arg: reason.arg, detail: p.detail ?? '' }) : (p.detail ?? '');
  const key = `problem.${p.code}` as MessageKey;
  return key in messages.zh ? i18n.t(key, { detail }) : p.message;
}
