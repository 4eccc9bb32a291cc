/**
 * The limits of a token request, in a file of their own so the UI can share them without the parsers
 * (and the address library they use) landing in its bundle.
 */
export const LABEL_MAX_LENGTH = 100;
export const MAX_SPACES_PER_TOKEN = 10;
export const MAX_PAGE_TREES_PER_TOKEN = 10;
export const MAX_ALLOWED_IPS = 20;
