// bench/cpu-time.ts: CPU seconds of process trees between two /proc snapshots, as the scale-out bench splits them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cpuSnapshot, machineBusySeconds, treeCpuSeconds, type CpuSnapshot } from '../../bench/cpu-time.ts';

const snapshot = (machineBusyS: number, processes: [pid: number, ppid: number, seconds: number][]): CpuSnapshot => ({
  machineBusyS,
  processes: new Map(processes.map(([pid, ppid, seconds]) => [pid, { ppid, seconds }])),
});

describe('bench/cpu-time', () => {
  const before = snapshot(100, [[1, 0, 50], [10, 1, 2], [11, 10, 1], [20, 1, 5]]);
  // 10 and its child 11 used 3 s; 12 started under 11 and used 0.5 s; 20 (another tree) used 4 s.
  const after = snapshot(110, [[1, 0, 51], [10, 1, 4], [11, 10, 2], [12, 11, 0.5], [20, 1, 9]]);

  it('sums a tree over its descendants, counting a process started meanwhile in full', () => {
    assert.equal(treeCpuSeconds(before, after, [10]), 3.5);
    assert.equal(treeCpuSeconds(before, after, [10, 20]), 7.5);
  });

  it('counts nothing for a root that is gone', () => {
    assert.equal(treeCpuSeconds(before, after, [99]), 0);
  });

  it("takes the machine's busy time as the difference of the snapshots", () => {
    assert.equal(machineBusySeconds(before, after), 10);
  });

  it('reads this process, under its parent, from /proc', () => {
    const now = cpuSnapshot();
    assert.equal(now.processes.get(process.pid)?.ppid, process.ppid);
    assert.ok(now.machineBusyS > 0);
  });
});
