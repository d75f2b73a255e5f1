import { describe, expect, it } from 'vitest';
import { createSearcher, searchCandidates } from '../../utils/search';
import { mulberry32 } from '../mock-linkup/data';

/** What a full scan finds: the positions of the texts matching `query`. */
function fullScan(texts: string[], query: string): number[] {
  return searchCandidates(
    texts.map((_, i) => i),
    texts,
    query,
  );
}

/** Texts over a small alphabet, so that words overlap, repeat and grow into each other. */
function randomTexts(random: () => number, count: number): string[] {
  const pieces = ['a', 'b', 'ab', 'ba', 'é', 'É', '李', 'n', 'an', 'na', '-', '\n', ' '];
  return Array.from({ length: count }, () => {
    let text = '';
    const length = Math.floor(random() * 24);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    // Search texts are lower-cased once, as searchTextOf does.
    return text.toLocaleLowerCase();
  });
}

/**
 * A user at the keyboard: typing letters and spaces, Backspace, sometimes several at once,
 * sometimes replacing the whole query (a paste), in any case.
 */
function randomQueries(random: () => number, count: number): string[] {
  const keys = ['a', 'b', 'n', 'é', 'É', 'A', '李', '-', ' ', ' '];
  const queries: string[] = [];
  let query = '';
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.5) query += keys[Math.floor(random() * keys.length)];
    else if (roll < 0.85) query = query.slice(0, -1);
    else if (roll < 0.92) query = query.slice(0, Math.floor(random() * (query.length + 1)));
    else
      query = Array.from(
        { length: Math.floor(random() * 6) },
        () => keys[Math.floor(random() * keys.length)],
      ).join('');
    queries.push(query);
  }
  return queries;
}

/** The texts, counting how many times a text is read. */
function counted(texts: string[]): { texts: string[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(texts, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { texts: proxy, reads: () => reads };
}

describe('createSearcher', () => {
  it('finds exactly what a full scan finds, for random typing, Backspace and pastes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(seed);
      const texts = randomTexts(random, 60);
      // A small cache too: evicted entries must not change any answer.
      const searchers = [createSearcher(texts), createSearcher(texts, 2)];
      for (const query of randomQueries(random, 150)) {
        const expected = fullScan(texts, query);
        for (const search of searchers) expect([...search(query)], `"${query}"`).toEqual(expected);
      }
    }
  });

  it('finds what a full scan finds on the benchmark query, letter by letter and back', () => {
    const texts = [
      'ada lovelace\nsoftware engineer\nlondon, england',
      'grace hopper\nengineering manager\nnew london, ct',
      'alan turing\nengineer\nmanchester',
      'edsger dijkstra\nprofessor\nlondon',
      'barbara liskov\nsoftware engineer at acme\ncambridge',
      'linus\nkernel engineer\nportland, london road',
    ];
    const search = createSearcher(texts);
    const query = 'Engineer London';
    const steps: string[] = [];
    for (let i = 1; i <= query.length; i++) steps.push(query.slice(0, i));
    for (let i = query.length - 1; i >= 0; i--) steps.push(query.slice(0, i));
    for (const step of [...steps, ...steps])
      expect([...search(step)]).toEqual(fullScan(texts, step));
  });

  it('follows the texts it was made for: a new searcher for new texts', () => {
    const before = ['anna berg', 'bob nilsson', 'anna lind'];
    const after = ['anna berg', 'bob nilsson', 'anna lind', 'annika holm', 'bo anand'];
    const first = createSearcher(before);
    expect([...first('ann')]).toEqual([0, 2]);
    const second = createSearcher(after);
    for (const query of ['a', 'an', 'ann', 'anna', 'ann', 'an', 'a', 'an a', '']) {
      expect([...second(query)]).toEqual(fullScan(after, query));
    }
    // The first searcher still answers for its own texts.
    expect([...first('an')]).toEqual([0, 2]);
  });

  it('answers every text for a query without words', () => {
    const search = createSearcher(['x', 'y', 'z']);
    expect([...search('')]).toEqual([0, 1, 2]);
    expect(search('   ')).toBe(search(''));
  });

  it('scans only the previous matches when the query grows', () => {
    const base = Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? `engineer ${i}` : `x ${i}`));
    const { texts, reads } = counted(base);
    const search = createSearcher(texts);
    expect(search('eng')).toHaveLength(10);
    const afterFirst = reads();
    expect(afterFirst).toBe(100);
    expect(search('engi')).toHaveLength(10);
    expect(search('engineer 1')).toHaveLength(1);
    // Two narrowing keystrokes read the ten matches each, not the hundred texts.
    expect(reads() - afterFirst).toBe(20);
  });

  it('answers Backspace and repeated queries from its cache, with the same array', () => {
    const { texts, reads } = counted(['engineer london', 'engineer paris', 'designer london']);
    const search = createSearcher(texts);
    const steps = ['e', 'en', 'eng', 'eng l', 'eng lo'];
    const answers = steps.map((q) => search(q));
    const read = reads();
    for (let i = steps.length - 1; i >= 0; i--) {
      expect(search(steps[i] as string)).toBe(answers[i]);
    }
    // The same words in another order or case, or with more spaces, are the same query.
    expect(search('  LO   eng ')).toBe(answers[4]);
    expect(reads()).toBe(read);
  });

  it('keeps the previous array when a longer query matches the same texts', () => {
    const search = createSearcher(['engineer', 'engineering', 'designer']);
    const engi = search('engi');
    expect(search('engin')).toBe(engi);
    expect(search('engineer')).toBe(engi);
    expect([...search('engineeri')]).toEqual([1]);
  });

  it('does not take a longer query as the base of a shorter one', () => {
    const search = createSearcher(['ab', 'abc', 'b']);
    expect([...search('abc')]).toEqual([1]);
    expect([...search('ab')]).toEqual([0, 1]);
    expect([...search('b')]).toEqual([0, 1, 2]);
  });

  it('finds a word that grew at its start, or around an earlier word', () => {
    const texts = ['xxnginee', 'engine', 'an engine', 'ngine', 'gin and engine', 'engin'];
    const search = createSearcher(texts);
    for (const query of ['gin', 'ngin', 'engin', 'engine', 'n engine', 'gin engin', 'gi']) {
      expect([...search(query)], query).toEqual(fullScan(texts, query));
    }
  });
});
