// The services a self-hosted Inngest needs, and the load balancer in front of the replicas, as child processes
// of the test on free loopback ports with temp data dirs: PostgreSQL 15, Redis 7 and nginx from Debian's
// packages (.ci/run installs them). Each `stop()` ends the process and removes its dir.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, startChild, type ChildServer } from '../../e2e/support/child-process.ts';
import { delay } from '../../e2e/support/inngest-runs.ts';

const run = promisify(execFile);

export interface Service {
  readonly child: ChildServer;
  readonly port: number;
  stop(): Promise<void>;
}

// PostgreSQL refuses to run as root, and CI runs as root: there every command runs as Debian's `postgres` user.
const IS_ROOT = process.getuid?.() === 0;

export function postgresBin(command: string): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => join(root, version, 'bin', command)).find((path) => existsSync(path));
  if (found === undefined) throw new Error(`PostgreSQL's ${command} is not under ${root}/<version>/bin: install Debian's postgresql package (.ci/run does).`);
  return found;
}

function asPostgres(command: string, args: readonly string[]): [string, string[]] {
  return IS_ROOT ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

/** PostgreSQL with database `inngest` owned by user `inngest` (trust auth on loopback): `postgres://inngest@127.0.0.1:PORT/inngest`. */
export async function startPostgres(): Promise<Service & { readonly uri: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'medallion-scale-pg-'));
  if (IS_ROOT) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    await run(...asPostgres(postgresBin('initdb'), ['-D', data, '-U', 'inngest', '--auth=trust', '-E', 'UTF8', '--no-sync']));
  } catch (error) {
    remove();
    throw error;
  }
  const child = startChild('postgres', ...asPostgres(postgresBin('postgres'), [
    '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
  ]));
  const stop = async () => {
    await child.stop(10_000);
    remove();
  };
  try {
    await child.waitForLine(/database system is ready to accept connections/, 30_000);
    await run(...asPostgres(postgresBin('createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'inngest', 'inngest']));
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, port, uri: `postgres://inngest@127.0.0.1:${port}/inngest?sslmode=disable`, stop };
}

/** Redis without persistence: `redis://127.0.0.1:PORT`. */
export async function startRedis(): Promise<Service & { readonly uri: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'medallion-scale-redis-'));
  const port = await freePort();
  const child = startChild('redis-server', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
  const stop = async () => {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await child.waitForLine(/Ready to accept connections/, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, port, uri: `redis://127.0.0.1:${port}`, stop };
}

/** One line of nginx's access log: which replica (`upstream`) served which request, and how. */
export interface UpstreamLogLine {
  /** When the request ended, ms since the epoch. */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** `127.0.0.1:PORT` of each replica tried, in order (more than one when nginx passed the request on). */
  readonly upstreams: readonly string[];
  readonly upstreamStatuses: readonly string[];
  readonly seconds: number;
}

export interface LoadBalancer extends Service {
  readonly url: string;
  readonly config: string;
  /** The access log so far. */
  accessLog(): UpstreamLogLine[];
}

/**
 * nginx round-robin over `upstreams` (ports on 127.0.0.1), in the foreground with its own prefix: the config
 * the README's "Many replicas" shows.
 */
export async function startNginx(upstreams: readonly number[]): Promise<LoadBalancer> {
  const dir = mkdtempSync(join(tmpdir(), 'medallion-scale-nginx-'));
  // Workers run as `nobody` when the master is root: they must reach the temp dirs inside.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'tmp'));
  const port = await freePort();
  const config = nginxConfig({ dir, port, upstreams });
  const configPath = join(dir, 'nginx.conf');
  writeFileSync(configPath, config);
  const child = startChild('nginx', 'nginx', ['-p', dir, '-c', configPath, '-g', 'daemon off;']);
  const stop = async () => {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await untilListening(port, child, () => readIfExists(join(dir, 'error.log')));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    config,
    stop,
    accessLog: () => readIfExists(join(dir, 'access.log')).split('\n').filter((line) => line !== '').map(parseAccessLine),
  };
}

/** The essentials: round-robin, the client's Host passed on, large bodies (Inngest posts a run's state), long steps. */
function nginxConfig(options: { dir: string; port: number; upstreams: readonly number[] }): string {
  const temp = (name: string) => `${name}_temp_path ${join(options.dir, 'tmp', name)};`;
  return `worker_processes 1;
pid ${join(options.dir, 'nginx.pid')};
error_log ${join(options.dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  log_format upstreams '$msec $request_method $uri $status "$upstream_addr" "$upstream_status" $request_time';
  access_log ${join(options.dir, 'access.log')} upstreams;
  upstream medallion {
    ${options.upstreams.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=10s;`).join('\n    ')}
  }
  server {
    listen 127.0.0.1:${options.port};
    client_max_body_size 64m;
    location / {
      proxy_pass http://medallion;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 900s;
      proxy_send_timeout 900s;
      # A refused connection is passed to the next replica (the request was never sent). A POST that was sent
      # is not passed on (no non_idempotent): the replica may have run the step; Inngest retries the 502.
      proxy_next_upstream error timeout;
    }
  }
}
`;
}

function parseAccessLine(line: string): UpstreamLogLine {
  const match = /^(\S+) (\S+) (\S+) (\d+) "([^"]*)" "([^"]*)" (\S+)$/.exec(line);
  if (match === null) throw new Error(`An nginx access log line in an unexpected format: ${line}`);
  const list = (value: string) => value.split(/[,:]\s+/).filter((entry) => entry !== '' && entry !== '-');
  return {
    at: Math.round(Number(match[1]) * 1000),
    method: match[2]!,
    path: match[3]!,
    status: Number(match[4]),
    upstreams: list(match[5]!),
    upstreamStatuses: list(match[6]!),
    seconds: Number(match[7]),
  };
}

function readIfExists(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

async function untilListening(port: number, child: ChildServer, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited (${child.process.exitCode}):\n${child.lines.slice(-20).join('\n')}\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`${child.name} is not listening on 127.0.0.1:${port} after 15 s:\n${log()}`);
    await delay(100);
  }
}
