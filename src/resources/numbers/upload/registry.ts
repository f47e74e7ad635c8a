// Uploads outlive the upload page: an operator who follows a breadcrumb while a file is sent finds
// it again in the app bar (shared/uploadActivity.ts) and, back on the page, the same session (or its
// summary). Module-level: one per campaign, for as long as the console is open.
import type { Campaign, Id } from '../../../types';
import { setUploadActivity } from '../shared/uploadActivity';
import type { PanelState } from './panelState';
import { isRunning, type UploadSession } from './session';

interface Held {
  panel: PanelState;
  /** Stops the app bar's indicator and the tab-closing warning for this panel's upload. */
  untrack: () => void;
  session: UploadSession;
}

const held = new Map<string, Held>();

// Closing the tab would cut the request under way (a route change lets it finish): the browser asks first.
const running = new Set<UploadSession>();
const warn = (event: BeforeUnloadEvent) => {
  event.preventDefault();
  // Older browsers ask only when returnValue is set.
  event.returnValue = '';
};
const setRunning = (session: UploadSession, on: boolean) => {
  const before = running.size;
  if (on) running.add(session);
  else running.delete(session);
  if (before === 0 && running.size > 0) window.addEventListener('beforeunload', warn);
  if (before > 0 && running.size === 0) window.removeEventListener('beforeunload', warn);
};

/** Whether a session is sending, for the tab-closing warning (tests). */
export const uploadsRunning = () => running.size;

/** The percentage of all parts' bytes sent. */
export const percentSent = (session: UploadSession) => {
  const { parts } = session.getSnapshot();
  const total = parts.reduce((sum, part) => sum + part.bytes, 0);
  const sent = parts.reduce((sum, part) => sum + (part.status === 'done' ? part.bytes : part.sent), 0);
  return total > 0 ? Math.floor((sent / total) * 100) : 0;
};

const track = (campaign: Pick<Campaign, 'id' | 'name'>, session: UploadSession) => {
  let seen = false;
  const update = () => {
    const run = session.getSnapshot();
    const on = isRunning(run);
    setRunning(session, on);
    if (run.phase === 'done' && seen) {
      setUploadActivity(campaign.id, null);
      return;
    }
    setUploadActivity(campaign.id, {
      campaignId: campaign.id,
      campaignName: campaign.name,
      status: run.phase === 'done' ? 'done' : on || run.phase === 'idle' ? 'running' : 'stopped',
      percent: percentSent(session),
    });
  };
  const unsubscribe = session.subscribe(update);
  update();
  return {
    untrack: () => {
      unsubscribe();
      setRunning(session, false);
      setUploadActivity(campaign.id, null);
    },
    /** The operator has the summary on screen: the app bar no longer needs to point at it. */
    seen: () => {
      seen = true;
      update();
    },
  };
};

const trackers = new Map<UploadSession, ReturnType<typeof track>>();

/** The panel of a campaign as it was left, with its upload (null: none held). */
export const heldPanel = (campaignId: Id): PanelState | null => held.get(String(campaignId))?.panel ?? null;

/**
 * Keeps the panel of a campaign while it holds an upload (running, stopped or finished), and tracks
 * that upload for the app bar; a panel without an upload (another file, a changed setting) lets go.
 */
export const holdPanel = (campaign: Pick<Campaign, 'id' | 'name'>, panel: PanelState) => {
  const key = String(campaign.id);
  const previous = held.get(key);
  const session = panel.upload?.session ?? null;
  if (previous && previous.session !== session) {
    previous.untrack();
    trackers.delete(previous.session);
    held.delete(key);
  }
  if (!session) return;
  let tracker = trackers.get(session);
  if (!tracker) {
    tracker = track(campaign, session);
    trackers.set(session, tracker);
  }
  held.set(key, { panel, untrack: tracker.untrack, session });
};

/** The summary of this session is on screen. */
export const summarySeen = (session: UploadSession) => trackers.get(session)?.seen();

/** Lets go of every panel (tests: each starts with none held). */
export const releaseAllPanels = () => {
  for (const entry of held.values()) entry.untrack();
  held.clear();
  trackers.clear();
};
