// The page's language as shared reactive state: components call `i18n.t(key)` in their markup
// and re-render when the language switches. The choice is remembered in localStorage.
import { messages, type Lang, type MessageKey } from '../messages';

const STORAGE_KEY = 'baoxun.lang';

function storedLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // storage blocked (private mode, sandboxed frame)
  }
}

/** Message values for `{placeholders}`. */
export type MessageParams = Record<string, string | number>;

/** The current language and the translation function. */
export class I18n {
  lang = $state<Lang>(storedLang());

  /** The message for `key` in the current language, placeholders filled (numbers grouped). */
  t(key: MessageKey, params: MessageParams = {}): string {
    const locale = this.lang === 'zh' ? 'zh-CN' : 'en';
    // {n|one|other}: English plurals (Chinese needs none).
    const plural = messages[this.lang][key].replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) =>
      params[name] === 1 ? one : other,
    );
    return plural.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      if (v === undefined) return whole;
      return typeof v === 'number' ? v.toLocaleString(locale) : v;
    });
  }

  /** Switch the language and remember it. */
  set(lang: Lang): void {
    this.lang = lang;
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered; the switch still applies to this visit
    }
  }
}

/** The page's one language state. */
export const i18n = new I18n();
