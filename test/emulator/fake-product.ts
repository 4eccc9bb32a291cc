import type { Identity, Product, ProductRequest, ProductResponse } from '../../emulator/product';

/** A tiny product for platform tests: it answers with the identity and request it received. */
export class EchoProduct implements Product {
  readonly requests: ProductRequest[] = [];

  requiredScopes(method: string, path: string): string[][] | undefined {
    if (!path.startsWith('/wiki/api/v2/pages')) return undefined;
    const scopes: Record<string, string[][]> = {
      GET: [['read:page:confluence'], ['read:confluence-content.all']],
      POST: [['write:page:confluence']],
      PUT: [['write:page:confluence']],
      DELETE: [['delete:page:confluence']],
    };
    return scopes[method];
  }

  async handle(request: ProductRequest): Promise<ProductResponse> {
    this.requests.push(request);
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: request.identity, method: request.method, path: request.path, body: request.body }),
    };
  }

  identities(): Identity[] {
    return this.requests.map((request) => request.identity);
  }
}
