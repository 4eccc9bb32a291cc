/** How the emulated Forge platform talks to an emulated Atlassian product (the Confluence stand-in). */

export type Identity = { kind: 'app' } | { kind: 'user'; accountId: string };

export interface ProductRequest {
  method: string;
  /** Path with query string, e.g. `/wiki/api/v2/pages/123?body-format=storage`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  identity: Identity;
}

export interface ProductResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Product {
  handle(request: ProductRequest): Promise<ProductResponse>;
  /**
   * The OAuth scopes that grant this call, as alternatives: the call is allowed when every scope of
   * at least one alternative is declared. `undefined` when the product does not know the route.
   */
  requiredScopes(method: string, path: string): string[][] | undefined;
}
