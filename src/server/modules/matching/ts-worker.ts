import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. Node 20 does not pass the tsx loader on to worker threads, so
 * the worker starts from a one-line ES module that registers tsx (as bin/bangfu.mjs does) and imports the file.
 * Throws where modules cannot be resolved by URL (e.g. inside the test runner): callers fall back to this thread.
 */
export function startTsWorker(module: URL): Worker {
  const api = import.meta.resolve('tsx/esm/api');
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(module.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}
