/**
 * Staging jobs running in the background of the server process. The route answers as soon as the batch
 * exists; the job keeps going and records success or failure on the batch. `drain()` lets shutdown (and
 * tests) wait for running jobs instead of cutting them off mid-batch.
 */
export class ImportJobs {
  private readonly running = new Set<Promise<unknown>>();

  start(job: () => Promise<unknown>, onError: (err: unknown) => void): void {
    const p = job()
      .catch(onError)
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  async drain(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  get size(): number {
    return this.running.size;
  }
}
