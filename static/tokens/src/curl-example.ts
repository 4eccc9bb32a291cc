/** A ready-to-run request that lists one of the token's spaces through the gateway. */
export function curlExample(gatewayUrl: string, token: string, spaceKey: string): string {
  const base = gatewayUrl.replace(/\/+$/, '');
  return `curl -H "Authorization: Bearer ${token}" "${base}/wiki/api/v2/spaces?keys=${encodeURIComponent(spaceKey)}"`;
}
