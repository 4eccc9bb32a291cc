/** The web trigger's request and dynamic response as Forge passes them (see forge-notes.md). */
export interface WebTriggerRequest {
  method: string;
  path: string;
  /** The suffix after the trigger's id; "" when none. Missing from @forge/api's own type. */
  userPath?: string;
  headers?: Record<string, string[] | undefined>;
  queryParameters?: Record<string, string[] | undefined>;
  body?: string;
}

export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}
