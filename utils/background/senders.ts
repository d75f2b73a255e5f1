import type { Browser } from 'wxt/browser';
import { linkedInUrl } from '../linkedin/detect';

type Sender = Browser.runtime.MessageSender;

/** LinkedIn's own hosts: the content script's rule (utils/linkedin), nothing wider. */
export function isLinkedInUrl(url: string | undefined): boolean {
  return !!url && linkedInUrl(url) !== null;
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
