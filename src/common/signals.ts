/**
 * Interruption (Ctrl-C, SIGTERM from a CI timeout or a process manager).
 *
 * While nothing is being written there is nothing to clean up, so SIGINT and SIGTERM keep their
 * default action: the process ends at once, whatever it is doing, even in the middle of a long
 * synchronous layout or a library's native work (a JavaScript handler would only run after it,
 * seconds later). A shell reports such an end as 130 (SIGINT) or 143 (SIGTERM).
 *
 * While an output file is being written (`holdSignals`), a signal waits for the write to reach
 * a safe point instead: its temporary file is removed and the process exits 130 or 143, so no
 * temporary file and no partial PDF is left.
 */
import { access } from "node:fs";

const CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type Signal = keyof typeof CODES;

const cleanups = new Set<() => void>();
let holds = 0;
let hooked = false;

function onSignal(signal: Signal): void {
  if (holds > 0) {
    for (const cleanup of cleanups) cleanup();
    process.exit(CODES[signal]);
  }
  // A signal that arrived just after the last write: act as if no handler had been there.
  unhook();
  process.kill(process.pid, signal);
}

const handlers = { SIGINT: () => onSignal("SIGINT"), SIGTERM: () => onSignal("SIGTERM") };

function unhook(): void {
  if (!hooked) return;
  hooked = false;
  // With its last listener gone, Node.js gives the signal back its default action.
  for (const signal of Object.keys(CODES) as Signal[]) process.off(signal, handlers[signal]);
}

/**
 * Defer SIGINT and SIGTERM while a file is written; `cleanup` runs before the process exits on
 * one. Returns the release. The default action comes back only after the event loop has polled
 * once more, so that a signal that arrived during the write is still seen.
 */
export function holdSignals(cleanup: () => void): () => void {
  holds++;
  cleanups.add(cleanup);
  if (!hooked) {
    hooked = true;
    for (const signal of Object.keys(CODES) as Signal[]) process.on(signal, handlers[signal]);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--holds > 0) return;
    cleanups.clear();
    // Two round trips through the event loop's poll phase, where signals are delivered.
    const later = () => access(".", () => access(".", () => holds === 0 && unhook()));
    setTimeout(later, 0).unref();
  };
}

/** Whether JavaScript handlers are installed for SIGINT and SIGTERM now (for tests). */
export function signalsHeld(): boolean {
  return hooked;
}
