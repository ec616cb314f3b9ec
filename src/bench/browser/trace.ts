/**
 * Which main-thread tasks of a page the extension's content script caused, from a Chromium trace
 * (categories TRACE_CATEGORIES). A content script runs as "EvaluateScript" only for its first
 * synchronous part; everything after an `await` (the settings, the replies of the background)
 * runs as promise continuations with no URL on any timeline event. So attribution uses the V8
 * sampling profiler the trace carries: a top-level task of the renderer's main thread is the
 * extension's when a sample inside it has a frame of the content script on its stack, or when it
 * holds an EvaluateScript / FunctionCall / v8.compile event of the content script's URL. The
 * task's whole duration counts (style, GC and DOM work done on the script's behalf included),
 * except in a task that also runs the page's own script: there only the sampled time of the
 * content script counts (a MutationObserver's callback runs at the end of the task that changed
 * the page, the page's own work before it). Tasks with less than one sample interval (~0.5 ms) of
 * extension code can be missed.
 *
 * The frames the browser renders after the script's first task of its own after the page's load
 * (or in the whole trace, when it holds no load event) are summed apart: on a page that does not
 * change after loading, they are the rendering the script's changes cost (style, layout, paint).
 */
import { sampledScriptTimes } from './trace-samples.ts';

export const TRACE_CATEGORIES = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'TimerFire', 'EventDispatch']);
/** What a rendered frame holds on the main thread. */
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint']);

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: what the task ran, without the time the thread waited for a core. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      url?: unknown;
      startTime?: number;
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame?: { url?: string } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

export interface ExtensionTasks {
  /** top-level tasks attributed to the content script */
  tasks: number;
  /** their summed duration */
  totalMs: number;
  /** the longest of them */
  longestMs: number;
  /**
   * Their summed thread time, and the longest's: the CPU the tasks used, without the time the thread
   * waited for a core (on a loaded machine, most of their duration). NaN when the trace has none.
   */
  cpuMs: number;
  longestCpuMs: number;
  /** sampled time with a content-script frame on the stack */
  scriptSampledMs: number;
  /** of `tasks`, those that also ran the page's own script (only their sampled script time counted) */
  pageTasks: number;
  /** the frames rendered after the script's first task of its own after load: their count, duration and thread time */
  frames: { tasks: number; totalMs: number; cpuMs: number };
  /** the first, synchronous run of content.js (EvaluateScript) */
  evaluateMs: number;
}

/**
 * `trace`: the JSON puppeteer's tracing.stop() returns; `scriptUrl`: e.g. chrome-extension://ID/content.js.
 * Null when the content script left no trace (it did not run).
 */
export function extensionTasks(trace: Uint8Array | string, scriptUrl: string): ExtensionTasks | null {
  const parsed = JSON.parse(typeof trace === 'string' ? trace : Buffer.from(trace).toString('utf8')) as
    TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const ofScript = (e: TraceEvent) => typeof e.args?.data?.url === 'string' && e.args.data.url.startsWith(scriptUrl);

  const samples = sampledScriptTimes(events, scriptUrl);
  // The renderer that ran the content script, and its main thread.
  const direct = events.filter((e) => e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && ofScript(e));
  const pid = direct[0]?.pid ?? samples.find((s) => s.times.length > 0)?.pid;
  if (pid === undefined) return null;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')
    ?.tid ?? pid;
  const mine = samples.filter((s) => s.pid === pid);
  const sampled = mine.flatMap((s) => s.times.map((t, i) => ({ t, w: s.weights[i] ?? 0 }))).sort((a, b) => a.t - b.t);
  const scriptSampledMs = mine.reduce((sum, s) => sum + s.weight, 0) / 1000;
  const marks = [...direct.filter((e) => e.pid === pid && e.tid === main).map((e) => e.ts), ...sampled.map((s) => s.t)].sort((a, b) => a - b);
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === pid && e.tid === main);
  // The page's own script: an event of an http(s) script (a content script's are chrome-extension:).
  const pageScript = onMain.filter((e) => SCRIPT_EVENTS.has(e.name) && typeof e.args?.data?.url === 'string' && /^https?:/.test(e.args.data.url));
  const rendering = onMain.filter((e) => RENDERING.has(e.name));
  const within = (list: readonly TraceEvent[], task: TraceEvent) => list.some((e) => e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0));
  const loaded = events.find((e) => e.pid === pid && e.name === 'MarkLoad')?.ts ?? Number.NEGATIVE_INFINITY;

  // Outermost tasks of the main thread.
  const all = onMain.filter((e) => TASK_NAMES.has(e.name) && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const top: TraceEvent[] = [];
  for (const task of all) {
    const last = top[top.length - 1];
    if (last && task.ts < last.ts + (last.dur ?? 0)) continue;
    top.push(task);
  }
  const counted = { tasks: 0, totalMs: 0, longestMs: 0, cpuMs: 0, longestCpuMs: 0, pageTasks: 0 };
  const frames = { tasks: 0, totalMs: 0, cpuMs: 0 };
  let framesFrom = Number.POSITIVE_INFINITY;
  let m = 0;
  for (const task of top) {
    const end = task.ts + (task.dur ?? 0);
    while (m < marks.length && marks[m]! < task.ts) m++;
    const ours = m < marks.length && marks[m]! <= end;
    if (!ours) {
      if (task.ts >= framesFrom && within(rendering, task)) {
        frames.tasks++;
        frames.totalMs += (task.dur ?? 0) / 1000;
        frames.cpuMs += (task.tdur ?? Number.NaN) / 1000;
      }
      continue;
    }
    const page = within(pageScript, task);
    let ms = (task.dur ?? 0) / 1000;
    let cpu = (task.tdur ?? Number.NaN) / 1000;
    if (page) {
      const share = sampled.filter((s) => s.t >= task.ts && s.t <= end).reduce((sum, s) => sum + s.w, 0) / 1000;
      cpu *= ms > 0 ? share / ms : 0;
      ms = share;
      counted.pageTasks++;
    } else if (task.ts > loaded) framesFrom = Math.min(framesFrom, task.ts);
    counted.tasks++;
    counted.totalMs += ms;
    counted.longestMs = Math.max(counted.longestMs, ms);
    counted.cpuMs += cpu;
    counted.longestCpuMs = Math.max(counted.longestCpuMs, cpu);
  }
  const evaluated = direct.filter((e) => e.pid === pid && e.name === 'EvaluateScript');
  const evaluateMs = evaluated.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  return { ...counted, scriptSampledMs, evaluateMs, frames };
}
