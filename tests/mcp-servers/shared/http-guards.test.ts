import { describe, expect, it } from 'vitest';
import { parseHttpAddress } from '../../../mcp-servers/shared/http-address.js';
import {
  checkBearer,
  hostAllowed,
  isLoopbackHost,
  LOCALHOST_NAMES,
  originAllowed,
  tokensEqual,
} from '../../../mcp-servers/shared/http-guards.js';
import { ConfigError } from '../../../shared/errors.js';

describe('HTTP guards', () => {
  const allowed = new Set<string>(LOCALHOST_NAMES);

  it('knows loopback bind addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.com'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('accepts localhost Host headers on any port and refuses others or none', () => {
    for (const host of ['localhost:8808', '127.0.0.1', '[::1]:9000', 'LOCALHOST'])
      expect(hostAllowed(host, allowed)).toBe(true);
    for (const host of [undefined, '', 'evil.example', 'localhost.evil.example:80', '127.0.0.1.nip.io']) {
      expect(hostAllowed(host, allowed)).toBe(false);
    }
  });

  it('lets clients without Origin through and checks browsers', () => {
    expect(originAllowed(undefined, allowed)).toBe(true);
    expect(originAllowed('http://localhost:3000', allowed)).toBe(true);
    expect(originAllowed('https://evil.example', allowed)).toBe(false);
    expect(originAllowed('null', allowed)).toBe(false);
    expect(originAllowed('not a url', allowed)).toBe(false);
    expect(originAllowed('https://app.example', new Set(['https://app.example']))).toBe(true);
    expect(originAllowed('http://app.example', new Set(['https://app.example']))).toBe(false);
  });

  it('checks bearer tokens', () => {
    expect(checkBearer(undefined, 's3cret')).toBe('missing');
    expect(checkBearer('', 's3cret')).toBe('missing');
    expect(checkBearer('Bearer s3cret', 's3cret')).toBe('ok');
    expect(checkBearer('bearer s3cret', 's3cret')).toBe('ok');
    expect(checkBearer('Bearer s3cre', 's3cret')).toBe('invalid');
    expect(checkBearer('Basic czNjcmV0', 's3cret')).toBe('invalid');
    expect(tokensEqual('a', 'a')).toBe(true);
    expect(tokensEqual('a', 'ab')).toBe(false);
  });

  it('parses --http addresses', () => {
    expect(parseHttpAddress('8808')).toEqual({ host: '127.0.0.1', port: 8808 });
    expect(parseHttpAddress(':0')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseHttpAddress('0.0.0.0:80')).toEqual({ host: '0.0.0.0', port: 80 });
    expect(parseHttpAddress('[::1]:9000')).toEqual({ host: '::1', port: 9000 });
    for (const bad of ['', 'abc', '70000', 'host:port', '1.2.3.4:']) {
      expect(() => parseHttpAddress(bad)).toThrow(ConfigError);
    }
  });
});
