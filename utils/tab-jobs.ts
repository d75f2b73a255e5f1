/**
 * Which job each tab shows, and which job is "current" for a window, as the side panel
 * contract defines it. Pure state so the rules are unit-tested; the background persists a
 * snapshot in session storage because an MV3 worker forgets everything when it stops.
 */

export interface TabJob {
  tabId: number;
  windowId: number;
  /** null: a LinkedIn page that shows no job. */
  jobId: string | null;
  title: string | null;
  lastActiveAt: number;
}

export interface TabJobsSnapshot {
  tabs: TabJob[];
  active: Record<string, number>;
}

export class TabJobs {
  private readonly tabs = new Map<number, TabJob>();
  /** The active tab of each window, as far as the browser told us. */
  private readonly active = new Map<number, number>();

  static from(snapshot: TabJobsSnapshot | null | undefined): TabJobs {
    const state = new TabJobs();
    for (const tab of snapshot?.tabs ?? []) state.tabs.set(tab.tabId, { ...tab });
    for (const [windowId, tabId] of Object.entries(snapshot?.active ?? {})) {
      state.active.set(Number(windowId), tabId);
    }
    return state;
  }

  snapshot(): TabJobsSnapshot {
    return {
      tabs: [...this.tabs.values()],
      active: Object.fromEntries([...this.active].map(([w, t]) => [String(w), t])),
    };
  }

  /** A LinkedIn page reported what it shows. Returns true when anything changed. */
  report(tabId: number, windowId: number, jobId: string | null, title: string | null, now: number) {
    const prev = this.tabs.get(tabId);
    const isActive = this.active.get(windowId) === tabId;
    this.tabs.set(tabId, {
      tabId,
      windowId,
      jobId,
      title,
      lastActiveAt: isActive ? now : (prev?.lastActiveAt ?? 0),
    });
    return prev?.jobId !== jobId || prev?.title !== title || prev?.windowId !== windowId;
  }

  activate(tabId: number, windowId: number, now: number) {
    this.active.set(windowId, tabId);
    const tab = this.tabs.get(tabId);
    if (tab) {
      tab.lastActiveAt = now;
      tab.windowId = windowId;
    }
  }

  /** The tab left LinkedIn or closed: it no longer shows a job. */
  forget(tabId: number): boolean {
    return this.tabs.delete(tabId);
  }

  removeWindow(windowId: number) {
    this.active.delete(windowId);
    for (const [tabId, tab] of this.tabs) if (tab.windowId === windowId) this.tabs.delete(tabId);
  }

  get(tabId: number): TabJob | undefined {
    return this.tabs.get(tabId);
  }

  /** The title a LinkedIn tab shows for the job, if any tab does. */
  titleOf(jobId: string): string | null {
    return this.tabsShowing(jobId).find((t) => t.title)?.title ?? null;
  }

  tabsShowing(jobId: string): TabJob[] {
    return [...this.tabs.values()].filter((t) => t.jobId === jobId);
  }

  /**
   * The active tab's job when the active tab is a LinkedIn page; otherwise the job of the most
   * recently active LinkedIn tab of the window that shows one.
   */
  currentFor(windowId: number): TabJob | null {
    const activeTab = this.active.get(windowId);
    const onLinkedIn = activeTab === undefined ? undefined : this.tabs.get(activeTab);
    if (onLinkedIn) return onLinkedIn.jobId ? onLinkedIn : null;
    let best: TabJob | null = null;
    for (const tab of this.tabs.values()) {
      if (tab.windowId !== windowId || !tab.jobId) continue;
      if (!best || tab.lastActiveAt > best.lastActiveAt) best = tab;
    }
    return best;
  }
}
