// Batches file-state changes so that loading a thousand files posts a few messages per second,
// not thousands: the page re-renders per batch and stays responsive.
import type { FileProgress } from './protocol';

/** Collects the latest state per file and sends the changes at most every `intervalMs`. */
export class ProgressBatcher {
  private pending = new Map<string, FileProgress>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent = 0;

  constructor(
    private readonly send: (files: FileProgress[]) => void,
    private readonly intervalMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Record a file's new state; sent with the next batch (a later state replaces an earlier). */
  update(p: FileProgress): void {
    this.pending.set(p.key, p);
    // Loading runs in long synchronous stretches where timers cannot fire, so check the clock too.
    if (this.now() - this.lastSent >= this.intervalMs) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Send whatever is pending now. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending.size) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    this.lastSent = this.now();
    this.send(batch);
  }
}
