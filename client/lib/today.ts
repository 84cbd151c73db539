/** Today's date in ISO form, for the deadline rules of `validate()` and the timeline. */
export const today = (): string => new Date().toISOString().slice(0, 10);
