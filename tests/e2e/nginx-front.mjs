// Debian's nginx around the shipped configuration (deploy/nginx.conf, deploy/nginx-subpath.conf), run
// unchanged as a regency runs it: a generated nginx.conf in a temporary prefix sets the ports, pid, logs
// and temp paths, so that nginx runs as the user running the tests. Used by nginx.test.mjs (the deploy
// files compared with ppid-server) and by harness.mjs's `PPID_FRONT=nginx` (every end-to-end test through
// nginx, with ppid-server behind it for the API).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
export const MODULES = '/usr/lib/nginx/modules';
export const BROTLI = fs.existsSync(path.join(MODULES, 'ngx_http_brotli_static_module.so'));

/** A port free on 127.0.0.1 now (nginx needs a number in its configuration, it cannot take port 0). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** A GET (or HEAD) sending exactly `acceptEncoding`; the body as it came over the wire. */
export const get = (url, acceptEncoding, method = 'GET', more = {}) =>
  new Promise((resolve, reject) => {
    const headers = { ...(acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding }), ...more };
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

const q = (s) => JSON.stringify(s);

/**
 * The server block a regency writes around deploy/nginx.conf for the portal at the root of its host (the
 * file's own comment), with a backend on the same host at /api/ when `backend` is given. `faults` also
 * passes ppid-server's fault switches (`/__faults`, a test's control, not a deployment's) to the backend.
 */
export function portalServerBlock({ port, root, connectSrc, frameAncestors, backend, faults = false, serverName = 'ppid.localhost' }) {
  const api = backend
    ? `
        # A backend on the same host, as the file's own comment writes it.
        location ^~ /api/ {
            proxy_pass ${backend};
            client_max_body_size 24m;
            add_header X-Content-Type-Options "nosniff" always;
        }`
    : '';
  const control = backend && faults ? `\n        location = /__faults { proxy_pass ${backend}; }` : '';
  return `    server {
        listen 127.0.0.1:${port};
        server_name ${serverName};
        root ${q(root)};
        set $ppid_connect_src ${q(connectSrc)};
        set $ppid_frame_ancestors ${q(frameAncestors)};
        include ppid-portal.conf;${api}${control}
    }
`;
}

/**
 * Writes the prefix `dir`: the deploy files as `ppid-portal.conf` and `ppid-portal-subpath.conf`, Debian's
 * modules, and an nginx.conf with Debian's stock http block (its mime.types, gzip for HTML) around
 * `serverBlocks` (text). Returns nginx's arguments for that prefix.
 */
export function writeNginxPrefix(dir, serverBlocks) {
  fs.copyFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), path.join(dir, 'ppid-portal.conf'));
  fs.copyFileSync(path.join(ROOT, 'deploy', 'nginx-subpath.conf'), path.join(dir, 'ppid-portal-subpath.conf'));
  // Debian's modules-enabled/ load `modules/<name>.so` relative to the prefix, as /usr/share/nginx has it.
  fs.symlinkSync(MODULES, path.join(dir, 'modules'));
  const asRoot = process.getuid?.() === 0;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${asRoot ? 'user root;\n' : ''}worker_processes 1;
pid ${q(path.join(dir, 'nginx.pid'))};
error_log ${q(path.join(dir, 'error.log'))} warn;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    gzip on;
    access_log ${q(path.join(dir, 'access.log'))};
    client_body_temp_path ${q(path.join(dir, 'body'))};
    proxy_temp_path ${q(path.join(dir, 'proxy'))};
    fastcgi_temp_path ${q(path.join(dir, 'fastcgi'))};
    uwsgi_temp_path ${q(path.join(dir, 'uwsgi'))};
    scgi_temp_path ${q(path.join(dir, 'scgi'))};
${serverBlocks.join('')}}
`,
  );
  return ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')];
}

/** `nginx -t` on the prefix's configuration: its exit status and what it printed. */
export function checkNginx(args) {
  const check = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
  return { status: check.status, output: `${check.stdout}${check.stderr}` };
}

/**
 * Starts nginx in the foreground and waits until `probe` (a URL) answers. `stop()` ends it (`SIGQUIT`,
 * graceful, unless `fast`).
 */
export async function startNginx(args, probe, { timeoutMs = 10_000 } = {}) {
  if (!NGINX) throw new Error('nginx is not installed (scripts/setup.sh installs nginx-light)');
  const child = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async ({ fast = false } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(fast ? 'SIGTERM' : 'SIGQUIT');
      await exited;
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const up = await get(probe).catch(() => null);
    if (up) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop({ fast: true });
      const log = fs.readFileSync(path.join(args[1], 'error.log'), 'utf8').slice(-2000);
      throw new Error(`nginx did not start: ${stderr}${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, stop };
}

/**
 * nginx in front of a running ppid-server (`backend`, its URL) for one test: the build in `dist` published
 * as a regency publishes it (its files, with the test's config.json beside them: a folder of links to the
 * build's files, which nginx follows), /api/ passed to the backend, the policy's origins as given.
 *
 * @param {object} options
 * @param {string} options.backend ppid-server's URL
 * @param {string} options.dist the build
 * @param {object|string} [options.config] config.json's content, or a file holding it (default: the build's)
 * @param {string} options.connectSrc `$ppid_connect_src`
 * @param {string} options.frameAncestors `$ppid_frame_ancestors`
 * @returns {Promise<{url: string, port: number, stop: () => Promise<void>}>}
 */
export async function startFront({ backend, dist, config, connectSrc, frameAncestors }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-front-'));
  try {
    const root = path.join(dir, 'www');
    fs.mkdirSync(root);
    for (const name of fs.readdirSync(dist)) {
      if (name === 'config.json' && config !== undefined) continue;
      fs.symlinkSync(path.join(dist, name), path.join(root, name));
    }
    if (typeof config === 'string') fs.copyFileSync(config, path.join(root, 'config.json'));
    else if (config !== undefined) fs.writeFileSync(path.join(root, 'config.json'), JSON.stringify(config, null, 2));
    const port = await freePort();
    const args = writeNginxPrefix(dir, [portalServerBlock({ port, root, connectSrc, frameAncestors, backend, faults: true })]);
    const url = `http://127.0.0.1:${port}`;
    const nginx = await startNginx(args, `${url}/config.json`);
    return {
      url,
      port,
      async stop() {
        await nginx.stop({ fast: true });
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
