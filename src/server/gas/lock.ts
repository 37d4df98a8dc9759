/** The document lock: one per spreadsheet, shared by every user and execution, held only briefly. */
import type { LockPort } from '../engine/ports';

export function documentLock(): LockPort {
  const lock = LockService.getDocumentLock();
  return {
    acquire: (ms) => lock.tryLock(ms),
    release: () => {
      // Pending sheet writes must land before another execution can read the state.
      SpreadsheetApp.flush();
      lock.releaseLock();
    },
  };
}
