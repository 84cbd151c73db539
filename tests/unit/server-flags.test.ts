/** The server's Node flags follow the CPUs it may use (see scripts/server-flags.mjs). */
import { describe, expect, it } from 'vitest';
import { serverNodeFlags } from '../../scripts/server-flags.mjs';

describe('serverNodeFlags', () => {
  it('marks on the event loop when the server has one CPU', () => {
    expect(serverNodeFlags(1)).toEqual(['--single-threaded-gc']);
  });

  it("keeps V8's helper threads when there are CPUs for them", () => {
    expect(serverNodeFlags(2)).toEqual([]);
    expect(serverNodeFlags(8)).toEqual([]);
  });
});
