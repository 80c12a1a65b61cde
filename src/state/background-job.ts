// Work too long for one frame (the quick questions' sweeps: a few hundred model x format evaluations), run in
// slices of SLICE_MS between which the browser paints and handles input, cached by a key of its inputs so the
// same question asked again is answered at once. A hook re-renders when a job advances or finishes.
import { useSyncExternalStore } from 'react';

/** Longest stretch of work before yielding to the browser: under the 16 ms of a 60 Hz frame. */
const SLICE_MS = 10;
/** Answers kept per cache (the last few settings a person tried). */
const KEEP = 8;

export type JobState<T> =
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; value: T; ms: number };

/** The work: `total` steps run in order, then `finish` builds the answer. */
export interface ChunkedWork<T> {
  total: number;
  step: (index: number) => void;
  finish: () => T;
}

const listeners = new Set<() => void>();
let version = 0;
function notify(): void {
  version++;
  for (const l of listeners) l();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-render when any job advances. */
export function useJobsVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

export interface JobCache<T> {
  /** The job for key: its state, starting it (in the next task, not during the caller's render) if new. */
  get: (key: string, create: () => ChunkedWork<T>) => JobState<T>;
}

export function jobCache<T>(): JobCache<T> {
  const jobs = new Map<string, JobState<T>>();
  const start = (key: string, work: ChunkedWork<T>) => {
    let index = 0;
    let busyMs = 0;
    const slice = () => {
      if (jobs.get(key)?.status !== 'running') return; // evicted meanwhile
      const t0 = performance.now();
      while (index < work.total && performance.now() - t0 < SLICE_MS) work.step(index++);
      if (index < work.total) {
        busyMs += performance.now() - t0;
        jobs.set(key, { status: 'running', done: index, total: work.total });
        notify();
        setTimeout(slice, 0);
        return;
      }
      const value = work.finish();
      busyMs += performance.now() - t0;
      jobs.set(key, { status: 'done', value, ms: busyMs });
      notify();
    };
    setTimeout(slice, 0);
  };
  return {
    get: (key, create) => {
      const known = jobs.get(key);
      if (known) return known;
      const state: JobState<T> = { status: 'running', done: 0, total: 0 };
      jobs.set(key, state);
      for (const k of jobs.keys()) {
        if (jobs.size <= KEEP) break;
        jobs.delete(k);
      }
      start(key, create());
      return state;
    },
  };
}
