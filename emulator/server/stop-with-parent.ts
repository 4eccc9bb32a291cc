/**
 * Calls `stop` once the process that started this one has ended. Node has no parent-death signal
 * (Linux's PR_SET_PDEATHSIG), so the parent pid is polled: an orphan is handed to init or a subreaper,
 * and its parent pid changes. Without this, `kill -9` on `npm start` left the server serving and
 * holding its data folder's lock.
 */
export function stopWithParent(stop: () => void, everyMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    stop();
  }, everyMs);
  // The poll alone never keeps the process alive.
  timer.unref();
}
