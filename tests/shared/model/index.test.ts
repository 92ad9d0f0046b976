import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as model from '../../../shared/model/index.js';

const dir = join(import.meta.dirname, '../../../shared/model');

describe('shared/model public surface', () => {
  it('exports the model layer', () => {
    for (const name of [
      'createAnthropicModel',
      'createScriptedModel',
      'runStructured',
      'runBatch',
      'createMcpToolBridge',
      'wrapUntrusted',
      'UsageMeter',
      'MODELS',
      'resolveRoleModels',
      'parseModelOverrides',
    ]) {
      expect(model).toHaveProperty(name);
    }
  });

  it('never imports the Anthropic SDK at module load (only `import type` and a dynamic import)', () => {
    const offenders: string[] = [];
    let dynamic = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      for (const line of source.split('\n')) {
        if (/^\s*import\s+(?!type\b)[^('"]*from\s+['"]@anthropic-ai\/sdk/.test(line))
          offenders.push(`${file}: ${line}`);
        if (/await import\(['"]@anthropic-ai\/sdk['"]\)/.test(line)) dynamic += 1;
      }
    }
    expect(offenders).toEqual([]);
    expect(dynamic).toBe(1);
  });
});
