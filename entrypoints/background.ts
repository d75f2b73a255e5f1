import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundService } from '@/utils/background/service';

export default defineBackground(() => {
  const service = new BackgroundService();

  browser.runtime.onMessage.addListener((message, sender) => service.onMessage(message, sender));
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => {
    void service.onActivated(tabId, windowId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Without the tabs permission a move to a non-LinkedIn page carries no URL at all: the
    // tab's own (empty) URL is the sign that it left LinkedIn.
    if (change.status === 'loading' || change.url !== undefined) {
      void service.onTabUpdated(tabId, tab.url, tab.windowId);
    }
  });
  browser.runtime.onInstalled.addListener(() => {
    void service.adoptOpenTabs();
  });
  browser.tabs.onRemoved.addListener((tabId, { windowId }) => {
    void service.onTabRemoved(tabId, windowId);
  });

  // The toolbar button opens the panel: Chrome's side panel, Firefox's sidebar.
  if (browser.sidePanel) {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  } else {
    // Firefox's sidebar API is missing from the Chrome-based types WXT ships.
    const firefox = browser as unknown as { sidebarAction: { toggle(): Promise<void> } };
    (browser.action ?? browser.browserAction).onClicked.addListener(() => {
      void firefox.sidebarAction.toggle();
    });
  }

  void service.start();
});
