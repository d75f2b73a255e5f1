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
    void service.onTabUpdated(tabId, change.url, tab.windowId);
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
