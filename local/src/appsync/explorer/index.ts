/**
 * `createExplorer(config)`: serves the GraphiQL explorer at `GET /` (HTML with the config
 * inlined) and its bundle at `/explorer/app.js` and `/explorer/app.css`. Queries and mutations
 * are POSTed to `config.graphqlUrl`; subscriptions use AppSync's real-time protocol at
 * `ws(s)://<same host><graphqlUrl>/realtime` (`../realtime-client/`), so the page needs the
 * real-time server attached to the same listener (as `local/src/stack.ts` does).
 */
import type { RequestListener } from 'node:http';
import { explorerAssets } from './bundle.ts';
import type { ExplorerConfig } from './config.ts';

export type { ExplorerConfig } from './config.ts';

/** JSON inside <script> must not be able to close the tag. */
const scriptSafe = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function page(config: ExplorerConfig): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>GraphQL explorer · offline AppSync</title>
<link rel="stylesheet" href="/explorer/app.css">
</head>
<body>
<div id="root"></div>
<script type="application/json" id="explorer-config">${scriptSafe(config)}</script>
<script type="module" src="/explorer/app.js"></script>
</body>
</html>`;
}

export function createExplorer(config: ExplorerConfig): RequestListener {
  const html = page(config);
  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(html);
      return;
    }
    const kind = pathname === '/explorer/app.js' ? 'js' : pathname === '/explorer/app.css' ? 'css' : undefined;
    if (!kind) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    explorerAssets().then(
      (assets) => {
        res.writeHead(200, { 'content-type': kind === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(assets[kind]);
      },
      (err: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`explorer bundle failed: ${err.message}`);
      },
    );
  };
}
