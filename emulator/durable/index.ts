export { readJson, writeJsonAtomic, writeFileAtomic, fsyncDirectory } from './atomic-json';
export { openJournal } from './journal';
export type { Journal, JournalChange } from './journal';
