// Which main-thread tasks of a trace a content script caused (src/bench/browser/trace.ts), on a trace made by hand.
import { describe, expect, it } from 'vitest';
import { extensionTasks } from '../../src/bench/browser/trace.ts';

const SCRIPT = 'chrome-extension://abc/marks.js';
const task = (ts: number, dur: number) => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 1, tid: 1, ts, dur, tdur: dur / 2 });
const inner = (name: string, ts: number, url?: string) => ({ name, ph: 'X', pid: 1, tid: 1, ts, dur: 10, ...(url ? { args: { data: { url } } } : {}) });

const trace = [
  { name: 'thread_name', ph: 'M', pid: 1, tid: 1, ts: 0, args: { name: 'CrRendererMain' } },
  { name: 'Profile', ph: 'P', pid: 1, tid: 1, ts: 0, id: '0x1', args: { data: { startTime: 0 } } },
  {
    name: 'ProfileChunk', ph: 'P', pid: 1, tid: 1, ts: 0, id: '0x1',
    args: {
      data: {
        cpuProfile: {
          nodes: [{ id: 1, callFrame: { url: '' } }, { id: 2, parent: 1, callFrame: { url: SCRIPT } }, { id: 3, parent: 1, callFrame: { url: 'http://page.example/' } }],
          // At 1500 and 2000 µs in the script, 5400 in the page's, 5900 in the script's again.
          samples: [2, 2, 3, 2],
        },
        timeDeltas: [1500, 500, 3400, 500],
      },
    },
  },
  // The page's own first frame, before the load event: not the script's doing.
  task(200, 200), inner('Paint', 250),
  { name: 'MarkLoad', ph: 'R', pid: 1, tid: 1, ts: 500 },
  // The script's task: its whole duration.
  task(1000, 2000),
  // The page's task that ended in the script's observer: only the script's sampled 0.5 ms.
  task(5000, 1000), inner('FunctionCall', 5010, 'http://page.example/'),
  // The frame after the script changed the page.
  task(7000, 1000), inner('PrePaint', 7010), inner('Paint', 7100),
  // Someone else's task.
  task(9000, 500),
];

describe('extensionTasks', () => {
  it('counts the script\'s tasks whole, its share only of the page\'s own, and the frames rendered after it', () => {
    const found = extensionTasks(JSON.stringify({ traceEvents: trace }), SCRIPT);
    expect(found).toMatchObject({ tasks: 2, pageTasks: 1, totalMs: 2.5, longestMs: 2, cpuMs: 1.25, longestCpuMs: 1, scriptSampledMs: 2.5 });
    expect(found?.frames).toEqual({ tasks: 1, totalMs: 1, cpuMs: 0.5 });
  });

  it('finds nothing of a script that did not run', () => {
    expect(extensionTasks(JSON.stringify(trace), 'chrome-extension://abc/other.js')).toBeNull();
  });
});
