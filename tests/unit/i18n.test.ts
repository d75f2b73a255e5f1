import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import {
  fromEnglish,
  type MessageKey,
  messageTable,
  substitute,
  t,
  tParts,
} from '../../utils/i18n';

const ROOT = join(__dirname, '../..');
const messages: Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
> = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8'));

/** The extension's own code: what `t()` keys and `__MSG_` names can come from. */
function sourceFiles(): string[] {
  const files: string[] = [join(ROOT, 'wxt.config.ts')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const dir of ['components', 'entrypoints', 'utils']) walk(join(ROOT, dir));
  return files;
}

const sources = sourceFiles().map((path) => ({
  path: relative(ROOT, path),
  text: readFileSync(path, 'utf8'),
}));

interface Call {
  file: string;
  key: string;
  /** Arguments after the key. */
  substitutions: number;
}

/**
 * Every `t('key', ...)` and `tParts('key', ...)` call with a literal key, and how many values
 * it passes: commas at the call's own depth, outside strings, templates and nested brackets.
 */
function literalCalls(): Call[] {
  const calls: Call[] = [];
  for (const { path, text } of sources) {
    for (const match of text.matchAll(/\b(?:t|tParts)\(\s*'([^']*)'/g)) {
      let depth = 0;
      let commas = 0;
      let last = '';
      let quote: string | null = null;
      for (let i = (match.index ?? 0) + match[0].indexOf('('); i < text.length; i++) {
        const c = text[i] ?? '';
        if (quote) {
          if (c === '\\') i++;
          else if (c === quote) quote = null;
          last = c;
          continue;
        }
        if (c === "'" || c === '"' || c === '`') quote = c;
        else if (c === '(' || c === '[' || c === '{') depth++;
        else if (c === ')' || c === ']' || c === '}') {
          depth--;
          if (depth === 0) {
            // A trailing comma (biome's multi-line calls) is not an argument.
            if (last === ',') commas--;
            break;
          }
        } else if (c === ',' && depth === 1) commas++;
        if (c.trim()) last = c;
      }
      calls.push({ file: path, key: match[1] ?? '', substitutions: commas });
    }
  }
  return calls;
}

function placeholderNames(message: string): string[] {
  return [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase());
}

describe('messages.json', () => {
  const calls = literalCalls();

  it('finds the calls it checks', () => {
    expect(calls.length).toBeGreaterThan(150);
  });

  it('has every key the code asks for', () => {
    const missing = calls.filter((c) => !Object.hasOwn(messages, c.key));
    expect(missing).toEqual([]);
  });

  it('gets as many values as each message has placeholders', () => {
    const wrong = calls
      .filter((c) => Object.hasOwn(messages, c.key))
      .map((c) => ({
        ...c,
        expected: Object.keys(messages[c.key]?.placeholders ?? {}).length,
      }))
      .filter((c) => c.substitutions !== c.expected);
    expect(wrong).toEqual([]);
  });

  it('has no key the code never uses', () => {
    // Keys are used through t('key'), tables of keys ('key' as a value) and __MSG_key__.
    const code = sources.map((s) => s.text).join('\n');
    const unused = Object.keys(messages).filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });

  it('keeps the manifest names', () => {
    for (const key of ['extName', 'extDescription', 'actionTitle', 'commandOpenPanel']) {
      expect(messages).toHaveProperty(key);
    }
  });

  it.each(Object.entries(messages))('%s is a valid Chrome message', (key, entry) => {
    // Names are letters, digits, _ and @, and case-insensitive in Chrome: no two may collide.
    expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(Object.keys(messages).filter((k) => k.toLowerCase() === key.toLowerCase())).toEqual([
      key,
    ]);
    expect(entry.message.trim()).toBe(entry.message);
    expect(entry.message).not.toBe('');
    // A bare $1 bypasses the placeholders translators see; a lone $ must be written $$.
    expect(entry.message.replace(/\$[A-Za-z0-9_@]+\$|\$\$/g, '')).not.toContain('$');
    const used = placeholderNames(entry.message);
    const declared = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
    expect(new Set(used)).toEqual(new Set(declared));
    // $1...$n, each once, in the order the code passes them.
    const contents = Object.values(entry.placeholders ?? {}).map((p) => p.content);
    expect(contents).toEqual(contents.map((_, i) => `$${i + 1}`));
    // A message with a placeholder tells the translator what it stands for.
    if (declared.length > 0) {
      for (const p of Object.values(entry.placeholders ?? {})) {
        expect(p).toHaveProperty('example');
      }
    }
  });
});

/** Makes the browser answer `getMessage` like a translated extension would. */
function translate(answer: (key: string, subs: string[]) => string) {
  return vi
    .spyOn(browser.i18n, 'getMessage')
    .mockImplementation(answer as unknown as typeof browser.i18n.getMessage);
}

describe('t', () => {
  it('falls back to the English message when the browser has none', () => {
    expect(t('panelNoJob')).toBe('No job selected');
    expect(t('candidatesOther', '2,500')).toBe('2,500 candidates');
    expect(t('creditsOne', 1)).toBe('1 credit');
  });

  it('fills placeholders in order, numbers as text', () => {
    expect(t('jobShown', 12, '2,500')).toBe('12 of 2,500 shown');
    expect(t('cvStoredInfo', 'PDF', '48 kB', 'cv.pdf')).toBe('Stored: PDF, 48 kB (cv.pdf)');
    expect(t('badgePulled', 3, '4000000003', 'now')).toBe(
      'Applicant Panel: 3 cached candidates of job 4000000003, pulled now',
    );
  });

  it('inserts values as they are, $ included', () => {
    expect(t('errorApiError', 'costs $1 or $$')).toBe('Linkup reported a problem: costs $1 or $$');
  });

  it('leaves a missing value empty', () => {
    expect(t('errorApiError')).toBe('Linkup reported a problem: ');
  });

  it("uses the browser's message when there is one", () => {
    const getMessage = translate((key, subs) =>
      key === 'jobShown' ? `${subs[0]} sur ${subs[1]} affichés` : '',
    );
    expect(t('jobShown', 12, '2 500')).toBe('12 sur 2 500 affichés');
    expect(getMessage).toHaveBeenCalledWith('jobShown', ['12', '2 500']);
    // An empty answer (a key the browser's locale lacks) falls back to English.
    expect(t('panelNoJob')).toBe('No job selected');
  });

  it('never shows a raw key as an empty label', () => {
    expect(fromEnglish('noSuchKey', [])).toBe('noSuchKey');
    // @ts-expect-error: a misspelt key does not type-check.
    expect(t('panelNoJobb')).toBe('panelNoJobb');
  });

  it("follows Chrome's rules", () => {
    const entry = {
      message: 'Pay $Amount$ ($$) to $WHO$, $who$ again; $2 is left empty',
      placeholders: { amount: { content: '$1' }, who: { content: '$2' } },
    };
    expect(substitute(entry, ['$3', 'Linkup'])).toBe(
      'Pay $3 ($) to Linkup, Linkup again; Linkup is left empty',
    );
    expect(substitute(entry, [])).toBe('Pay  ($) to ,  again;  is left empty');
  });
});

describe('tParts', () => {
  it('splits the message around the parts', () => {
    const id = { element: 'id' };
    expect(tParts('jobLabel', id)).toEqual(['Job ', id]);
    const url = { element: 'url' };
    expect(tParts('profileUnsafe', url)).toEqual([
      'Profile address (not a LinkedIn https link, not opened): ',
      url,
    ]);
  });

  it('keeps the order of the language', () => {
    translate((_, subs) => `${subs[0]} n°`);
    const id = { element: 'id' };
    expect(tParts('jobLabel', id)).toEqual([id, ' n°']);
  });
});

describe('messageTable', () => {
  it('reads each message when used', () => {
    const table = messageTable({ none: 'panelNoJob' } satisfies Record<string, MessageKey>);
    expect(table.none).toBe('No job selected');
    expect(Object.keys(table)).toEqual(['none']);
    translate(() => 'Aucune offre');
    expect(table.none).toBe('Aucune offre');
  });
});
