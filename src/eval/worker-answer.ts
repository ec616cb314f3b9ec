import { Worker } from 'node:worker_threads';

/** What a worker of the evaluation posts back once: its answer, or the error it met. */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Starts a worker from `script` with `data` and waits for its one reply: the value, or the error
 * it reports, throws, or its exit before answering (named `label` in the error).
 */
export function workerAnswer<T>(script: string | URL, data: unknown, label: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData: data });
    let settled = false;
    worker.once('message', (message: WorkerReply<T>) => {
      settled = true;
      if (message.ok) resolve(message.value);
      else reject(new Error(`${label}: ${message.error}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${label} exited with code ${code} before answering`));
    });
  });
}

/** The worker's side: posts `work`'s value, or the error it threw, as its one reply. */
export async function answer<T>(work: () => Promise<T>, post: (message: WorkerReply<T>) => void): Promise<void> {
  try {
    post({ ok: true, value: await work() });
  } catch (error) {
    post({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
