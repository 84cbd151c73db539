/**
 * What to announce when people come and go (issue 17 item 11: presence is announced in
 * the header, not read from the remote carets inside the text). Pure, over the others'
 * names before and after; a person with the document open in two windows is one person,
 * so only their first window arriving and their last leaving are news.
 */
export interface PresenceNews {
  joined: string[];
  left: string[];
}

/** The people who arrived and who left between two lists of others' names (self excluded by the caller). */
export function presenceNews(before: readonly string[], after: readonly string[]): PresenceNews {
  const was = new Set(before);
  const is = new Set(after);
  return { joined: [...is].filter((name) => !was.has(name)), left: [...was].filter((name) => !is.has(name)) };
}
