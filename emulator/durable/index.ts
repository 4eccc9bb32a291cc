export { readJson, writeJsonAtomic, writeFileAtomic, fsyncDirectory } from './atomic-json';
export { openJournal } from './journal';
export type { Journal, JournalChange } from './journal';
export { acquireLock, type LockOptions } from './dir-lock';
export { lockDataDir, DATA_DIR_LOCK, type DataDirLock } from './data-dir';
