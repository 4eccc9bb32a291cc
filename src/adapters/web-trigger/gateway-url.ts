import { getAppContext, webTrigger } from '@forge/api';

/** The web trigger module key in manifest.yml. */
const GATEWAY_TRIGGER = 'gateway';

/**
 * The gateway's public URL from Forge (`webTrigger.getUrl`), not from request headers a client could
 * set. It is stable per installation, so it is looked up once per function instance and installation
 * (a warm instance may serve more than one); a failed lookup is dropped so the next request tries again.
 */
const urls = new Map<string, Promise<string>>();

export function gatewayUrl(): Promise<string> {
  const installation = getAppContext().installationAri.toString();
  let url = urls.get(installation);
  if (!url) {
    url = webTrigger.getUrl(GATEWAY_TRIGGER).then((value) => value.replace(/\/+$/, ''));
    urls.set(installation, url);
    url.catch(() => urls.delete(installation));
  }
  return url;
}
