import { describeViolation, type ConfluenceStandIn, type SpecViolation } from '../confluence';
import type { ProductRequest, ProductResponse } from '../product';

export type ViolationSource = 'app' | 'direct';

/**
 * Confluence spec violations, told apart by who caused them: the app (a bug to fix, printed as a
 * warning) or someone calling /wiki directly (already told by the 400 or 501 they got back).
 */
export class ViolationLog {
  private reported = 0;
  private readonly direct = new WeakSet<SpecViolation>();

  constructor(private readonly confluence: ConfluenceStandIn) {}

  /**
   * Passes a direct /wiki call to the stand-in. The stand-in checks a request synchronously, before its
   * first await, so the violations added during this call are this call's.
   */
  handleDirect(request: ProductRequest): Promise<ProductResponse> {
    const before = this.confluence.violations.length;
    const answer = this.confluence.handle(request);
    for (const violation of this.confluence.violations.slice(before)) this.direct.add(violation);
    return answer;
  }

  list(): Array<SpecViolation & { source: ViolationSource; description: string }> {
    return this.confluence.violations.map((violation) => ({ ...violation, source: this.sourceOf(violation), description: describeViolation(violation) }));
  }

  /** Prints the app's violations not printed yet. */
  reportNew(): void {
    const { violations } = this.confluence;
    for (; this.reported < violations.length; this.reported += 1) {
      const violation = violations[this.reported];
      if (this.sourceOf(violation) === 'app') console.warn(`The app departed from Confluence's spec: ${describeViolation(violation)}`);
    }
  }

  private sourceOf(violation: SpecViolation): ViolationSource {
    return this.direct.has(violation) ? 'direct' : 'app';
  }
}
