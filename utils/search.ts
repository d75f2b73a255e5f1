import type { ApiCandidate } from './linkup/types';

/**
 * The lower-cased text a search runs over, prepared once per candidate so a keystroke is a
 * substring scan (about half a millisecond at 10,000 candidates) rather than a rebuild.
 */
export function searchTextOf(c: ApiCandidate): string {
  const parts = [c.fullName, c.firstName, c.lastName, c.headline, c.location];
  for (const e of c.experiences) parts.push(e.title, e.company);
  return parts.join('\n').toLocaleLowerCase();
}

/** The query's words, lower-cased: split once per keystroke, not once per candidate. */
export function queryWords(query: string): string[] {
  return query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** Every word of the query must appear somewhere in the candidate's text. */
export function matchesQuery(text: string, query: string | string[]): boolean {
  const words = typeof query === 'string' ? queryWords(query) : query;
  return words.every((w) => text.includes(w));
}

export function searchCandidates<T>(items: T[], texts: string[], query: string): T[] {
  const words = queryWords(query);
  if (words.length === 0) return items;
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    if (matchesQuery(texts[i] ?? '', words)) out.push(items[i] as T);
  }
  return out;
}

/** Finds the positions of the texts matching a query; the answer must not be changed. */
export type Searcher = (query: string) => Uint32Array;

interface SearchEntry {
  words: string[];
  /** Positions of the matching texts, ascending. */
  indices: Uint32Array;
  /** For some words: where each matching text has its first occurrence, aligned with indices. */
  firsts: Map<string, Uint32Array>;
}

/**
 * A search over `texts` that reuses its recent answers: 10,000 texts scanned per keystroke
 * cost milliseconds, and typing mostly narrows the last query (or, with Backspace, goes back
 * to an earlier one). Make a new searcher whenever the texts change.
 *
 * A cached query can stand in for the whole list when each of its words is part of a word of
 * the new query: then every text matching the new query matched the cached one, so only the
 * cached matches are scanned, and only for the words not already implied. A word that grew
 * from a cached one ("engi" to "engin") is looked for from where the cached word first occurs,
 * not from the start of each text.
 */
export function createSearcher(texts: readonly string[], capacity = 32): Searcher {
  // Most recently used last. Bounded: an entry can hold a few numbers for every text.
  const cache = new Map<string, SearchEntry>();
  let everything: Uint32Array | null = null;
  let zeros: Uint32Array | null = null;
  const all = () => {
    if (!everything) {
      everything = new Uint32Array(texts.length);
      for (let i = 0; i < everything.length; i++) everything[i] = i;
    }
    return everything;
  };

  return (query) => {
    // Sorted and without repeats: the order and repetition of words change no result.
    const words = [...new Set(queryWords(query))].sort();
    if (words.length === 0) return all();
    const key = words.join(' ');
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit.indices;
    }
    let base: SearchEntry | undefined;
    for (const entry of cache.values()) {
      if (base && entry.indices.length >= base.indices.length) continue;
      if (entry.words.every((old) => words.some((w) => w.includes(old)))) base = entry;
    }
    zeros ??= new Uint32Array(texts.length);
    const entry = scan(texts, words, base?.indices ?? all(), base, zeros);
    cache.set(key, entry);
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
    return entry.indices;
  };
}

/**
 * Words looked for in each text `within[k]`: `words[p]` from no earlier than
 * `from[p][k] - back[p]`, its first occurrence in each kept text written to `found[p]`. Arrays
 * rather than an object per word, whose fields V8 would type by the first word seen.
 */
interface Probes {
  words: string[];
  from: Uint32Array[];
  back: number[];
  found: Uint32Array[];
}

/**
 * The texts at `within` (all, or the base's matches) that contain every word, with where each
 * word first occurs. `zeros` (at least as long as `within`) bounds words with no known start.
 */
function scan(
  texts: readonly string[],
  words: string[],
  within: Uint32Array,
  base: SearchEntry | undefined,
  zeros: Uint32Array,
): SearchEntry {
  const size = within.length;
  const probes: Probes = { words: [], from: [], back: [], found: [] };
  const carried: string[] = [];
  for (const word of words) {
    if (base?.firsts.has(word)) {
      carried.push(word);
      continue;
    }
    // Implied by a longer cached word: every candidate left has it, where is not known.
    if (base?.words.some((old) => old.includes(word))) continue;
    // Any occurrence of `word` holds one of each cached word inside it, so it starts no earlier
    // than that cached word's first occurrence minus its offset inside `word`.
    let from = zeros;
    let back = 0;
    let longest = 0;
    for (const [old, firsts] of base?.firsts ?? []) {
      const offset = old.length > longest ? word.indexOf(old) : -1;
      if (offset < 0) continue;
      from = firsts;
      back = offset;
      longest = old.length;
    }
    probes.words.push(word);
    probes.from.push(from);
    probes.back.push(back);
    probes.found.push(new Uint32Array(size));
  }

  const kept = new Uint32Array(size);
  const keptAt = new Uint32Array(size);
  const count = keepMatches(texts, within, probes, kept, keptAt);

  const firsts = new Map<string, Uint32Array>();
  // Copies the size of the result, not views: a view would keep the whole buffer alive.
  probes.words.forEach((word, p) => {
    firsts.set(word, (probes.found[p] as Uint32Array).slice(0, count));
  });
  for (const word of carried) {
    firsts.set(word, pick(base?.firsts.get(word) as Uint32Array, keptAt, count));
  }
  // The same matches as the base keep its array: a view memoised on the answer then knows
  // nothing changed (typing "engin" into "engine" mostly does not change the list).
  const indices = base && count === size ? within : kept.slice(0, count);
  return { words, indices, firsts };
}

/**
 * The scan's loop, on its own and with one type per value: the first keystrokes at 10,000
 * texts run it before it is optimised, and a branch first taken later (no base on the first
 * keystroke, a base on the next) would throw the optimised code away mid-typing.
 */
function keepMatches(
  texts: readonly string[],
  within: Uint32Array,
  { words, from, back, found }: Probes,
  kept: Uint32Array,
  keptAt: Uint32Array,
): number {
  let count = 0;
  for (let k = 0; k < within.length; k++) {
    const i = within[k] as number;
    const text = texts[i] ?? '';
    let all = true;
    for (let p = 0; p < words.length; p++) {
      // A negative start counts as 0.
      const start = ((from[p] as Uint32Array)[k] as number) - (back[p] as number);
      const at = text.indexOf(words[p] as string, start);
      if (at < 0) {
        all = false;
        break;
      }
      (found[p] as Uint32Array)[count] = at;
    }
    if (all) {
      kept[count] = i;
      keptAt[count++] = k;
    }
  }
  return count;
}

/** `from[at[n]]` for the first `count` of `at`. */
function pick(from: Uint32Array, at: Uint32Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  for (let n = 0; n < count; n++) out[n] = from[at[n] as number] as number;
  return out;
}
