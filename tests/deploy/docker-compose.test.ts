import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createProgram } from '../../orchestrator/cli/program.js';
import { resolveSetting, SETTINGS, type SettingName } from '../../shared/config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string> | string[];
  profiles?: string[];
  ports?: string[];
  container_name?: string;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

let services: Record<string, Service>;

beforeAll(async () => {
  // Compose honours YAML merge keys (`<<: *trendscope`), so the test does too.
  const compose = parse(await readFile(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
  };
  services = compose.services;
});

const appServices = () => Object.entries(services).filter(([, s]) => s.image !== 'redis:7');

/** Every command and subcommand, with its action replaced so that parsing runs nothing. */
function inertProgram(): { program: Command; calls: Array<{ command: string; args: unknown[] }> } {
  const program = createProgram();
  const calls: Array<{ command: string; args: unknown[] }> = [];
  const walk = (command: Command) => {
    command.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
    command.action((...args: unknown[]) => {
      calls.push({ command: command.name(), args });
    });
    command.commands.forEach(walk);
  };
  program.commands.forEach(walk);
  program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  return { program, calls };
}

function envNames(service: Service): string[] {
  const env = service.environment ?? {};
  return Array.isArray(env) ? env.map((entry) => entry.split('=')[0]!) : Object.keys(env);
}

describe('docker-compose.yml', () => {
  it('runs a durable, non-evicting Redis with a health check and a volume', () => {
    const redis = services.redis!;
    const command = (redis.command as string[]).join(' ');
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--appendfsync everysec/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(redis.volumes?.some((v) => v.endsWith(':/data'))).toBe(true);
  });

  it('gives every trendscope service a command the real CLI accepts', async () => {
    expect(
      appServices()
        .map(([name]) => name)
        .sort(),
    ).toEqual(['build', 'trends', 'worker']);
    for (const [name, service] of appServices()) {
      expect(Array.isArray(service.command), `${name}: command as a list`).toBe(true);
      const argv = service.command as string[];
      const { program, calls } = inertProgram();
      await expect(
        program.parseAsync(argv, { from: 'user' }),
        `${name}: ${argv.join(' ')}`,
      ).resolves.toBeDefined();
      expect(calls.map((c) => c.command)).toEqual([argv[0]]);
      // Option values that are settings must be valid settings.
      for (const [setting, spec] of Object.entries(SETTINGS) as Array<[SettingName, { option?: string }]>) {
        const at = spec.option ? argv.indexOf(spec.option) : -1;
        if (at >= 0)
          expect(() => resolveSetting(setting, argv[at + 1], {}), `${name}: ${spec.option}`).not.toThrow();
      }
    }
  });

  it('serves the trends server over HTTP on every interface, which the CLI only allows with a token', () => {
    const trends = services.trends!;
    const argv = trends.command as string[];
    expect(argv.slice(0, 2)).toEqual(['serve', 'trends']);
    expect(argv[argv.indexOf('--http') + 1]).toMatch(/^0\.0\.0\.0:\d+$/);
    expect(argv[argv.indexOf('--store') + 1]).toMatch(/^redis:\/\/redis:6379/);
    // `${VAR:?message}`: compose refuses to start without a token.
    expect((trends.environment as Record<string, string>).TRENDSCOPE_TOKEN).toMatch(
      /^\$\{TRENDSCOPE_TOKEN:\?.+\}$/,
    );
    expect(trends.depends_on?.redis?.condition).toBe('service_healthy');
  });

  it('sets only environment variables the code reads', () => {
    const known = new Set(Object.values(SETTINGS).map((s) => s.env));
    for (const [name, service] of appServices()) {
      for (const variable of envNames(service)) {
        expect(known.has(variable) || variable.startsWith('ANTHROPIC_'), `${name}: ${variable}`).toBe(true);
      }
    }
  });

  it('lets workers scale (no fixed name, no host port) and runs the build once, on the queue, under a profile', () => {
    const worker = services.worker!;
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    expect((worker.command as string[])[0]).toBe('worker');
    const build = services.build!;
    expect(build.profiles).toEqual(['build']);
    const argv = build.command as string[];
    expect(argv[argv.indexOf('--queue') + 1]).toBe('redis://redis:6379');
    expect(argv[argv.indexOf('--store') + 1]).toMatch(/^redis:\/\//);
    const corpus = argv[argv.indexOf('--corpus') + 1];
    const targets = build.volumes?.map((v) => /:([^:]+?)(?::(?:ro|rw))?$/.exec(v)?.[1]);
    expect(targets).toContain(corpus);
  });

  it('builds the trendscope services from this repository', () => {
    for (const [name, service] of appServices()) expect(service.build, name).toBe('.');
  });
});
