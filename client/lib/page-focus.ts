/**
 * Focus after in-app navigation (WCAG 2.4.3): the first main heading drawn for a new address
 * takes focus, once per address, so a screen reader starts reading the new page and a
 * keyboard user tabs on from its top. Pure over the three facts it needs, so it is testable
 * without a DOM.
 */

/** Where focus is when a heading appears: nowhere (body), in the app's persistent chrome, or in the page. */
export type FocusPlace = 'none' | 'chrome' | 'page';

export interface FocusClaim {
  /** The address whose heading was last focused (or the address the app was opened at). */
  claimedFor: string;
}

/**
 * Whether a heading that appears at `address` should take focus. The address the app was
 * first opened at never moves focus (the browser already starts at the top); a remount at
 * the same address (a document reopened after a role change) never steals it; and focus a
 * person has already put into the new page stays where they put it.
 */
export function shouldFocusHeading(claim: FocusClaim, address: string, focus: FocusPlace): boolean {
  if (address === claim.claimedFor) return false;
  claim.claimedFor = address;
  return focus !== 'page';
}
