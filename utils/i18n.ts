/**
 * Every word the extension's UI shows comes from `public/_locales/<lang>/messages.json`
 * through `browser.i18n.getMessage`. Outside production builds the English file is bundled too,
 * as the fallback when the browser has no answer (unit tests), so a raw key never shows.
 *
 * Not for the content script: it shows no words, and this module bundles the English JSON.
 */
import { browser } from 'wxt/browser';
import messages from '../public/_locales/en/messages.json';

/** A key of `messages.json`: a misspelt key fails type-checking. */
export type MessageKey = keyof typeof messages;

type Substitution = string | number;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * The English messages, for when the browser gives none: unit tests and development builds. A
 * production build leaves them out (bundle budgets): there the browser always answers, itself
 * falling back to `default_locale` (en) for a message a translation lacks, and every key the
 * code uses is in en (tsc and tests/unit/i18n.test.ts check that).
 */
const english: Readonly<Record<string, MessageEntry>> =
  import.meta.env.MODE === 'production' ? {} : messages;

/**
 * The message `key` in the browser's language, `$1`...`$9` of its placeholders replaced by
 * `substitutions` in order (numbers are not formatted here: pass `formatNumber`'s text).
 */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  const subs = substitutions.map(String);
  return fromBrowser(key, subs) || fromEnglish(key, subs);
}

/** `getMessage` untyped: WXT's typings take one literal name per overload, not a union. */
interface I18nApi {
  getMessage(name: string, substitutions: string[]): string;
}

function fromBrowser(key: string, subs: string[]): string {
  try {
    // `browser` is undefined outside an extension; the test browser throws "not mocked".
    const i18n = browser?.i18n as I18nApi | undefined;
    return i18n?.getMessage(key, subs) ?? '';
  } catch {
    return '';
  }
}

/** The English message, or the key itself when there is none (never an empty label). */
export function fromEnglish(key: string, subs: string[]): string {
  const entry = Object.hasOwn(english, key) ? english[key] : undefined;
  return entry ? substitute(entry, subs) : key;
}

/**
 * Chrome's rules: `$name$` is its placeholder's content (names ignore case), then in that
 * `$1`...`$9` is a substitution (missing ones are empty) and `$$` a `$`. Values are inserted
 * as they are.
 */
export function substitute(entry: MessageEntry, subs: string[]): string {
  const placeholders = Object.entries(entry.placeholders ?? {});
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = placeholders.find(([k]) => k.toLowerCase() === name.toLowerCase());
    return found ? found[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, what: string) =>
    what === '$' ? '$' : (subs[Number(what) - 1] ?? ''),
  );
}

/**
 * The message split around its substitutions, for markup inside a sentence:
 * `tParts('jobLabel', <span>{id}</span>)` gives `['Job ', <span>…</span>]`, in whatever order
 * the language puts them.
 */
export function tParts<T>(key: MessageKey, ...parts: T[]): (string | T)[] {
  const marks = parts.map((_, i) => String.fromCharCode(MARK + i));
  const text = t(key, ...marks);
  const out: (string | T)[] = [];
  for (const piece of text.split(MARKS)) {
    if (piece === '') continue;
    const index = piece.length === 1 ? piece.charCodeAt(0) - MARK : -1;
    const part = index >= 0 && index < parts.length ? parts[index] : undefined;
    out.push(part === undefined ? piece : part);
  }
  return out;
}

/** Private-use characters: no message or value contains them. */
const MARK = 0xe000;
const MARKS = /([\ue000-\ue008])/;

/**
 * A table whose values are messages, read when used (in the browser's language then):
 * `messageTable({ cancelled: 'errorCancelled' }).cancelled` is that message's text.
 */
export function messageTable<K extends string>(
  keys: Readonly<Record<K, MessageKey>>,
): { readonly [P in K]: string } {
  const table = {} as { [P in K]: string };
  for (const name of Object.keys(keys) as K[]) {
    Object.defineProperty(table, name, { enumerable: true, get: () => t(keys[name]) });
  }
  return Object.freeze(table);
}
