// The worker's lifeline: a Web Lock it holds for as long as it lives. The page asks for the same
// lock and is granted it the moment the worker is gone, however it went (a crash, the browser
// killing it, self.close()), which no event of the Worker object reports. The page's side is
// src/ui/lib/worker-supervisor.ts.

/** Posted once the worker holds its lifeline lock, naming it, so the page can wait on it. */
export interface LifelineEvent {
  type: 'lifeline';
  lock: string;
}

/** The parts of the worker scope the lifeline uses. */
interface LifelineScope {
  postMessage(message: LifelineEvent): void;
  navigator?: { locks?: LockManager };
}

/** Hold a lock named for this worker until it dies, and tell the page its name. Without the Web
 *  Locks API (an insecure origin, an old browser) nothing is posted: the page then learns of a
 *  crash only through the Worker's error event. */
export function holdLifeline(scope: LifelineScope): void {
  const locks = scope.navigator?.locks;
  if (!locks) return;
  const lock = `baoxun-worker-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  void locks.request(lock, () => {
    scope.postMessage({ type: 'lifeline', lock });
    return new Promise<never>(() => {}); // held until the worker's scope is destroyed
  });
}
