// The uploads under way, as the app bar shows them: a tiny store the upload writes into (upload/
// tracks its sessions) and the indicator reads. No upload code here: this module is in the
// console's first chunk, through the numbers index.
import { useSyncExternalStore } from 'react';
import type { Id } from '../../../types';

export interface UploadActivity {
  campaignId: Id;
  campaignName: string;
  /** running: building or sending; stopped: failed or canceled (Retry resumes); done: the summary waits. */
  status: 'running' | 'stopped' | 'done';
  /** 0..100, of the bytes of all parts. */
  percent: number;
}

let activities: readonly UploadActivity[] = [];
const listeners = new Set<() => void>();

const publish = (next: readonly UploadActivity[]) => {
  activities = next;
  for (const listener of listeners) listener();
};

const same = (a: Id, b: Id) => String(a) === String(b);

/** Sets (or with null removes) the activity of a campaign's upload. */
export const setUploadActivity = (campaignId: Id, activity: UploadActivity | null) => {
  const others = activities.filter((item) => !same(item.campaignId, campaignId));
  const current = activities.find((item) => same(item.campaignId, campaignId));
  if (!activity) {
    if (current) publish(others);
    return;
  }
  if (
    current &&
    current.status === activity.status &&
    current.percent === activity.percent &&
    current.campaignName === activity.campaignName
  )
    return;
  publish([...others, activity]);
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
const snapshot = () => activities;

export const useUploadActivities = (): readonly UploadActivity[] =>
  useSyncExternalStore(subscribe, snapshot, snapshot);

/** Where a campaign's upload is shown: its upload page (the running session, or its summary). */
export const uploadPath = (campaignId: Id) =>
  `/campaigns/${encodeURIComponent(String(campaignId))}/numbers/upload`;
