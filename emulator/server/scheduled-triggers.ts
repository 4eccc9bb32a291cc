import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedApp } from '../app';
import { SCHEDULE_INTERVAL_MS, type ScheduledRun } from '../platform';
import { sendError, sendJson } from './http-io';

/**
 * Runs the manifest's scheduled triggers on their intervals, as Forge does, one run of a trigger at a
 * time; `runNow` runs one at once (the local endpoint behind it is for people who do not want to wait).
 */
export class ScheduledTriggers {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<ScheduledRun>>();

  constructor(private readonly app: EmulatedApp) {}

  get keys(): string[] {
    return this.app.manifest.scheduledTriggers.map((trigger) => trigger.key);
  }

  start(): void {
    for (const trigger of this.app.manifest.scheduledTriggers) {
      const timer = setInterval(() => {
        this.runNow(trigger.key).catch((error: unknown) => console.error(`Scheduled trigger ${trigger.key} failed:`, error));
      }, SCHEDULE_INTERVAL_MS[trigger.interval]);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /** A run already under way is joined, not doubled: Forge does not overlap a trigger's runs either. */
  runNow(key: string): Promise<ScheduledRun> {
    const current = this.running.get(key);
    if (current) return current;
    const run = this.app.scheduledTrigger(key).finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  /** No more runs start; resolves once the runs under way have ended. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
    await Promise.allSettled([...this.running.values()]);
  }
}

/** `POST /__local/scheduled/<key>`: runs that scheduled trigger now and answers what its function returned. */
export async function handleScheduled(triggers: ScheduledTriggers, request: IncomingMessage, response: ServerResponse, key: string): Promise<void> {
  if (request.method !== 'POST') return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'POST to run a scheduled trigger now.');
  if (!triggers.keys.includes(key)) {
    return sendError(response, 404, 'NOT_FOUND', `No scheduled trigger ${key}; manifest.yml declares: ${triggers.keys.join(', ')}.`);
  }
  const run = await triggers.runNow(key);
  if (!run.ok) return sendJson(response, 500, { key, ok: false, reason: run.reason });
  const { statusCode, body } = run.response;
  let answer: unknown = body;
  try {
    answer = body ? JSON.parse(body) : undefined;
  } catch {
    // Not JSON: passed on as text.
  }
  sendJson(response, 200, { key, ok: true, statusCode, body: answer });
}
