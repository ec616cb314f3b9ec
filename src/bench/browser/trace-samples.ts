/**
 * The V8 sampling profiler's samples in a Chromium trace (trace.ts): which of them have a frame of
 * a given script on their stack, when, and for how long each stands.
 */
import type { TraceEvent } from './trace.ts';

export interface ScriptSamples {
  pid: number;
  /** Trace time (µs) of each sample with a frame of the script on its stack, ascending. */
  times: number[];
  /** The time each of those samples stands for (µs: since the sample before it). */
  weights: number[];
  /** Their sum. */
  weight: number;
}

/**
 * Times (trace µs) of the CPU samples whose stack holds a frame of `scriptUrl`, per profile,
 * with the summed sample weight (each sample stands for the time since the previous one).
 */
export function sampledScriptTimes(events: readonly TraceEvent[], scriptUrl: string): ScriptSamples[] {
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
    const weights: number[] = [];
    let weight = 0;
    let clock = profile.clock;
    for (let i = 0; i < profile.samples.length; i++) {
      clock += profile.deltas[i]!;
      if (inScript(profile.samples[i]!)) {
        times.push(clock);
        weights.push(profile.deltas[i]!);
        weight += profile.deltas[i]!;
      }
    }
    return { pid: profile.pid, times, weights, weight };
  });
}
