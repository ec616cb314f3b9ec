/**
 * Which main-thread tasks of a page the extension's content script caused, from a Chromium trace
 * (categories TRACE_CATEGORIES). A content script runs as "EvaluateScript" only for its first
 * synchronous part; everything after an `await` (the settings, the replies of the background)
 * runs as promise continuations with no URL on any timeline event. So attribution uses the V8
 * sampling profiler the trace carries: a top-level task of the renderer's main thread is the
 * extension's when a sample inside it has a frame of the content script on its stack, or when it
 * holds an EvaluateScript / FunctionCall / v8.compile event of the content script's URL. The
 * task's whole duration counts (style, GC and DOM work done on the script's behalf included).
 * Tasks with less than one sample interval (~0.5 ms) of extension code can be missed.
 */

export const TRACE_CATEGORIES = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run', 'TimerFire', 'EventDispatch']);

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
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
  /** sampled time with a content-script frame on the stack */
  scriptSampledMs: number;
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
  const scriptTimes = samples.filter((s) => s.pid === pid).flatMap((s) => s.times).sort((a, b) => a - b);
  const scriptSampledMs = samples.filter((s) => s.pid === pid).reduce((sum, s) => sum + s.weight, 0) / 1000;
  const marks = [...direct.filter((e) => e.pid === pid && e.tid === main).map((e) => e.ts), ...scriptTimes].sort((a, b) => a - b);

  // Outermost tasks of the main thread.
  const all = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === main && TASK_NAMES.has(e.name) && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const top: TraceEvent[] = [];
  for (const task of all) {
    const last = top[top.length - 1];
    if (last && task.ts < last.ts + (last.dur ?? 0)) continue;
    top.push(task);
  }
  let tasks = 0;
  let totalMs = 0;
  let longestMs = 0;
  let m = 0;
  for (const task of top) {
    const end = task.ts + (task.dur ?? 0);
    while (m < marks.length && marks[m]! < task.ts) m++;
    if (m < marks.length && marks[m]! <= end) {
      tasks++;
      const ms = (task.dur ?? 0) / 1000;
      totalMs += ms;
      longestMs = Math.max(longestMs, ms);
    }
  }
  const evaluated = direct.filter((e) => e.pid === pid && e.name === 'EvaluateScript');
  const evaluateMs = evaluated.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
  return { tasks, totalMs, longestMs, scriptSampledMs, evaluateMs };
}

/**
 * Times (trace µs) of the CPU samples whose stack holds a frame of `scriptUrl`, per profile,
 * with the summed sample weight (each sample stands for the time since the previous one).
 */
function sampledScriptTimes(events: readonly TraceEvent[], scriptUrl: string): { pid: number; times: number[]; weight: number }[] {
  interface Profile {
    pid: number;
    clock: number;
    nodes: Map<number, { url: string; parent?: number | undefined }>;
    samples: number[];
    deltas: number[];
  }
  const profiles = new Map<string, Profile>();
  for (const e of events) {
    if (e.name === 'Profile') {
      const clock = e.args?.data?.startTime ?? e.ts;
      profiles.set(`${e.pid}:${e.id}`, { pid: e.pid, clock, nodes: new Map(), samples: [], deltas: [] });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    if (!profile) continue;
    const data = e.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, { url: node.callFrame?.url ?? '', parent: node.parent });
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      profile.samples.push(samples[i]!);
      profile.deltas.push(deltas[i] ?? 0);
    }
  }
  return [...profiles.values()].map((profile) => {
    const memo = new Map<number, boolean>();
    const inScript = (id: number): boolean => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      // Iterative walk up to the root (stacks can be deep).
      const path: number[] = [];
      let found = false;
      let at: number | undefined = id;
      while (at !== undefined) {
        const cached = memo.get(at);
        if (cached !== undefined) {
          found = cached;
          break;
        }
        path.push(at);
        const node = profile.nodes.get(at);
        if (!node) break;
        if (node.url.startsWith(scriptUrl)) {
          found = true;
          break;
        }
        at = node.parent;
      }
      for (const p of path) memo.set(p, found);
      return found;
    };
    const times: number[] = [];
    let weight = 0;
    let clock = profile.clock;
    for (let i = 0; i < profile.samples.length; i++) {
      clock += profile.deltas[i]!;
      if (inScript(profile.samples[i]!)) {
        times.push(clock);
        weight += profile.deltas[i]!;
      }
    }
    return { pid: profile.pid, times, weight };
  });
}
