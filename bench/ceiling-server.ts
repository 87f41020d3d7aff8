import Fastify from 'fastify';

/**
 * The machine's ceiling: bare Fastify answering a constant, no logging, no hooks. Run in its
 * own process, measured with the same load generator and settings as Docket in the same run.
 */
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening ${JSON.stringify(app.server.address())}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
