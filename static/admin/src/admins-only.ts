/** What a person who is not a site admin is told when the backend refuses them (FORBIDDEN). */
export const ADMINS_ONLY = { FORBIDDEN: 'Only site admins can see this.' };
