/** A loopback webhook receiver for `npm run bench:webhooks`: answers 204, counts, and reports the count at GET /count. */
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 0);
let count = 0;
createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(String(count));
    return;
  }
  req.resume();
  req.on('end', () => {
    count += 1;
    res.writeHead(204).end();
  });
}).listen(port, '127.0.0.1');
