import type { Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/** LinkedIn's own hosts: linkedin.com and its subdomains, nothing that merely contains it. */
export function isLinkedInUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return (
      (protocol === 'https:' || protocol === 'http:') &&
      (hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com'))
    );
  } catch {
    return false;
  }
}

/** Our own side panel or options page (also when opened as a tab). */
export function isExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string) {
  return sender.id === extensionId && !!sender.url?.startsWith(extensionOrigin);
}

/** Our content script, in the top frame of a tab on a LinkedIn host. */
export function isLinkedInContentScript(sender: Sender, extensionId: string) {
  return (
    sender.id === extensionId &&
    sender.tab?.id !== undefined &&
    (sender.frameId ?? 0) === 0 &&
    isLinkedInUrl(sender.url)
  );
}
