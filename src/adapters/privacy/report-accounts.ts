import api, { route } from '@forge/api';
import { REPORT_BATCH_SIZE, type AccountUpdate } from '../../core/personal-data';
import type { AccountReporter } from '../../ports/personal-data';

/**
 * Atlassian's personal data reporting API, one call of up to 90 accounts. The request is exactly the one
 * @forge/api's `privacy.reportPersonalData` makes (POST /app/report-accounts as the app, body
 * `{accounts: [{accountId, updatedAt}]}`), made here directly because that helper gives back only the
 * accounts: it drops the answer's `Cycle-Period` and `Retry-After`, and sends every batch of 90 at once,
 * so a single 429 fails the whole report.
 */
export const atlassianReporter: AccountReporter = {
  async report(accounts) {
    const response = await api.asApp().requestAtlassian(route`/app/report-accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accounts: accounts.slice(0, REPORT_BATCH_SIZE) }),
    });
    const updates = response.status === 200 ? ((await response.json()) as { accounts?: AccountUpdate[] }).accounts ?? [] : [];
    return {
      status: response.status,
      accounts: updates.filter((update) => update.status === 'closed' || update.status === 'updated'),
      cyclePeriod: response.headers.get('cycle-period'),
      retryAfter: response.headers.get('retry-after'),
    };
  },
};
