import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/errors.js';
import {
  DEFAULT_ROLE_MODELS,
  isCacheablePrefix,
  MODELS,
  modelEnvVar,
  modelInfo,
  parseModelOverrides,
  resolveRoleModels,
} from '../../../shared/model/models.js';

describe('the model table', () => {
  it('prices cache writes at 1.25× and reads at 0.1× input', () => {
    for (const info of Object.values(MODELS)) {
      expect(info.cacheWrite).toBeCloseTo(info.input * 1.25, 10);
      expect(info.cacheRead).toBeCloseTo(info.input * 0.1, 10);
    }
  });

  it('has Haiku 4.5 at $1/$5 and Sonnet 4.6 at $3/$15, with their minimum cacheable prefixes', () => {
    expect(MODELS['claude-haiku-4-5']).toMatchObject({ input: 1, output: 5, minCacheTokens: 4096 });
    expect(MODELS['claude-sonnet-4-6']).toMatchObject({ input: 3, output: 15, minCacheTokens: 2048 });
  });

  it('gives every default role model a price', () => {
    for (const id of Object.values(DEFAULT_ROLE_MODELS)) expect(modelInfo(id)).toBeDefined();
    expect(DEFAULT_ROLE_MODELS.extraction).toMatch(/haiku/);
    expect(DEFAULT_ROLE_MODELS.writing).toMatch(/sonnet/);
  });

  it('matches dated ids to their family but not lookalikes', () => {
    expect(modelInfo('claude-haiku-4-5-20251001')).toBe(MODELS['claude-haiku-4-5']);
    expect(modelInfo('claude-haiku-4-50')).toBeUndefined();
    expect(modelInfo('gpt-4')).toBeUndefined();
  });

  it('tells whether a prefix is long enough to cache', () => {
    expect(isCacheablePrefix('claude-haiku-4-5', 4095)).toBe(false);
    expect(isCacheablePrefix('claude-haiku-4-5', 4096)).toBe(true);
    expect(isCacheablePrefix('claude-sonnet-4-6', 2048)).toBe(true);
    expect(isCacheablePrefix('some-unknown-model', 2048)).toBe(false);
  });
});

describe('role model overrides', () => {
  it('applies --model over TRENDSCOPE_MODEL_<ROLE> over the default', () => {
    const env = { [modelEnvVar('clustering')]: 'claude-opus-4-6', [modelEnvVar('ask')]: 'claude-sonnet-4-6' };
    const models = resolveRoleModels(parseModelOverrides(['ask=claude-opus-4-6']), env);
    expect(models.clustering).toBe('claude-opus-4-6');
    expect(models.ask).toBe('claude-opus-4-6');
    expect(models.extraction).toBe(DEFAULT_ROLE_MODELS.extraction);
    expect(modelEnvVar('extraction')).toBe('TRENDSCOPE_MODEL_EXTRACTION');
  });

  it('parses repeated and comma-separated --model values', () => {
    expect(parseModelOverrides(['writing=a-1', 'catalogue=b-2, verification=c-3'])).toEqual({
      writing: 'a-1',
      catalogue: 'b-2',
      verification: 'c-3',
    });
    expect(parseModelOverrides(undefined)).toEqual({});
  });

  it.each(['writing', 'poetry=claude-haiku-4-5', '=claude-haiku-4-5', 'writing=', 'writing=bad id'])(
    'rejects --model %j naming the option',
    (value) => {
      expect(() => parseModelOverrides([value])).toThrow(ConfigError);
      expect(() => parseModelOverrides([value])).toThrow(/--model/);
    },
  );

  it('rejects an invalid model id in the environment, naming the variable', () => {
    expect(() => resolveRoleModels({}, { TRENDSCOPE_MODEL_WRITING: 'has spaces' })).toThrow(
      /TRENDSCOPE_MODEL_WRITING/,
    );
  });
});
