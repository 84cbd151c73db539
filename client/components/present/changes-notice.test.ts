import { describe, expect, it } from 'vitest';
import type { Change } from '../../../shared/compare/types.js';
import type { ChangesSince } from '../../versions-api.js';
import { noticeHolds, type ChangesNotice } from './changes-notice.js';

const change = (id: string): Change => ({ op: 'changed', collection: 'activities', id, label: id, field: 'budget', before: 1, after: 2 });

function list(kind: ChangesSince['from']['kind'], changes: number): ChangesSince {
  return {
    from: { kind, at: kind === 'none' ? null : '2027-01-01T10:00:00.000Z' },
    to: { at: '2027-01-01T11:00:00.000Z' },
    changes: Array.from({ length: changes }, (_, i) => change(`a${i}`)),
  } as ChangesSince;
}

describe('noticeHolds', () => {
  // Every kind of list start x nothing / one / many changes, for each notice.
  const kinds: ChangesSince['from']['kind'][] = ['moment', 'visit', 'version', 'empty', 'none'];
  const rows: [ChangesNotice | null, ChangesSince['from']['kind'], number, boolean][] = [];
  for (const kind of kinds) {
    for (const count of [0, 1, 7]) {
      // "Markerat som läst." under an unread change is false (u11); a first visit lists nothing.
      rows.push(['marked', kind, count, count === 0 || kind === 'none']);
      rows.push(['stale', kind, count, true]);
      rows.push([null, kind, count, true]);
    }
  }
  it.each(rows)('%s over a %s list with %i changes holds: %s', (notice, kind, count, holds) => {
    expect(noticeHolds(notice, list(kind, count))).toBe(holds);
  });

  it('keeps any notice while no list is shown', () => {
    expect(noticeHolds('marked', null)).toBe(true);
    expect(noticeHolds('stale', null)).toBe(true);
  });
});
