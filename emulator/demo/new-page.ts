/** A REST v2 page create body (POST /wiki/api/v2/pages): a current page whose storage body shows its title. */
export const newPage = (spaceId: string, title: string, extra: Record<string, unknown> = {}) => ({
  spaceId,
  status: 'current',
  title,
  body: { representation: 'storage', value: `<p>${title}</p>` },
  ...extra,
});
