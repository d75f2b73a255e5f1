import { describe, expect, it } from 'vitest';
import {
  isExtensionPage,
  isLinkedInContentScript,
  isLinkedInUrl,
} from '../../utils/background/senders';

const ID = 'abcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const tab = { id: 3, windowId: 1 } as never;

describe('senders', () => {
  it.each([
    ['https://www.linkedin.com/jobs/view/1/', true],
    ['https://linkedin.com/hiring/', true],
    ['https://fr.linkedin.com/jobs/', true],
    ['https://linkedin.com.evil.test/jobs/', false],
    ['https://evillinkedin.com/', false],
    ['chrome-extension://x/sidepanel.html', false],
    ['not a url', false],
    [undefined, false],
  ])('isLinkedInUrl(%s) = %s', (url, expected) => {
    expect(isLinkedInUrl(url)).toBe(expected);
  });

  it('accepts only our content script in the top frame of a LinkedIn tab', () => {
    const ok = { id: ID, tab, frameId: 0, url: 'https://www.linkedin.com/jobs/view/4341315847/' };
    expect(isLinkedInContentScript(ok, ID)).toBe(true);
    expect(isLinkedInContentScript({ ...ok, id: 'other' }, ID)).toBe(false);
    expect(isLinkedInContentScript({ ...ok, frameId: 2 }, ID)).toBe(false);
    expect(isLinkedInContentScript({ ...ok, url: 'https://evil.test/' }, ID)).toBe(false);
    expect(isLinkedInContentScript({ ...ok, tab: undefined }, ID)).toBe(false);
  });

  it('accepts only our own pages as extension pages', () => {
    expect(isExtensionPage({ id: ID, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN)).toBe(true);
    expect(isExtensionPage({ id: ID, tab, url: `${ORIGIN}sidepanel.html` }, ID, ORIGIN)).toBe(true);
    expect(isExtensionPage({ id: ID, tab, url: 'https://www.linkedin.com/' }, ID, ORIGIN)).toBe(
      false,
    );
    expect(isExtensionPage({ id: 'other', url: `${ORIGIN}x.html` }, ID, ORIGIN)).toBe(false);
  });
});
