/**
 * The slice of Atlassian's GraphQL gateway the SDKs reach through `__forge_fetch__` with
 * `remote: 'stargate'`: only `webTrigger.getUrl`'s createWebTriggerUrl mutation is emulated.
 */
export function answerGraphql(
  init: RequestInit | undefined,
  webTriggerKeys: readonly string[],
  webTriggerUrl: (moduleKey: string) => string,
): Response {
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  let request: { query?: unknown; variables?: { input?: { triggerKey?: unknown } } };
  try {
    request = JSON.parse(typeof init?.body === 'string' ? init.body : '') as typeof request;
  } catch {
    return new Response(JSON.stringify({ errors: [{ message: 'Request body is not JSON' }] }), { status: 400 });
  }
  if (typeof request.query !== 'string' || !request.query.includes('createWebTriggerUrl')) {
    return json({ errors: [{ message: 'This GraphQL operation is not emulated' }] });
  }
  const key = request.variables?.input?.triggerKey;
  if (typeof key !== 'string' || !webTriggerKeys.includes(key)) {
    return json({
      data: { createWebTriggerUrl: null },
      errors: [{ message: `No webtrigger module '${String(key)}' in the manifest` }],
    });
  }
  return json({ data: { createWebTriggerUrl: { url: webTriggerUrl(key) } } });
}
