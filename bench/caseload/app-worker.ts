/**
 * One server process of the caseload benchmark's cluster (`--workers N`): the app as bench/caseload.ts builds
 * it, listening on the port all workers share (node:cluster). Env: BENCH_DB_URL, BENCH_PORT, BENCH_POOL.
 */
import { buildBenchApp } from './bench-app.ts';

const { app, database } = await buildBenchApp(process.env.BENCH_DB_URL!, Number(process.env.BENCH_POOL));
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT) });
process.send?.('ready');
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
