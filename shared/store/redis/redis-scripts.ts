import { StoreError } from '../../errors.js';

/**
 * Lua scripts run atomically by Redis: nothing else runs between their commands, so readers never see
 * a half-saved draft or half-swapped pointers.
 */

/**
 * Saves a draft and its summary together, unless that id is already published (saving the very
 * report that is published again is a no-op).
 * KEYS: published set, report key, reports hash. ARGV: id, report JSON, summary JSON.
 */
export const SAVE_DRAFT = `
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
  if redis.call('GET', KEYS[2]) == ARGV[2] then return 0 end
  return redis.error_reply('PUBLISHED report ' .. ARGV[1] .. ' is already published with other content')
end
redis.call('SET', KEYS[2], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
return 1
`;

/**
 * Checks the draft exists, points latest (overall and per seminar) at it, records it as published and
 * announces it on the channel. Returns its summary JSON.
 * KEYS: reports hash, report key, latest, latest-by-seminar hash, published set. ARGV: id, channel.
 */
export const PUBLISH = `
local summary = redis.call('HGET', KEYS[1], ARGV[1])
if not summary or redis.call('EXISTS', KEYS[2]) == 0 then
  return redis.error_reply('NOTFOUND no such report: ' .. ARGV[1])
end
local ok, decoded = pcall(cjson.decode, summary)
if not ok or type(decoded) ~= 'table' or type(decoded['seminars']) ~= 'table' then
  return redis.error_reply('CORRUPT the summary of ' .. ARGV[1] .. ' is not valid')
end
for _, seminar in ipairs(decoded['seminars']) do
  if type(seminar) == 'string' then redis.call('HSET', KEYS[4], seminar, ARGV[1]) end
end
redis.call('SET', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('PUBLISH', ARGV[2], summary)
return summary
`;

/** Extends the lock's TTL if we still hold it. KEYS: lock. ARGV: our value, ttl ms. */
export const RENEW_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;

/** Deletes the lock only if we still hold it (never someone else's after ours expired). KEYS: lock. ARGV: our value. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** The StoreError for an error reply of the scripts above, or undefined for any other error. */
export function scriptError(reply: string, action: string): StoreError | undefined {
  const message = reply.replace(/^ERR /, '');
  const detail = message.slice(message.indexOf(' ') + 1);
  if (message.startsWith('NOTFOUND')) {
    return new StoreError('store.not-found', `cannot ${action}: no such report`, {
      hint: 'save the report as a draft first (saveDraft)',
    });
  }
  if (message.startsWith('PUBLISHED')) {
    return new StoreError('store.conflict', `cannot ${action}: ${detail}`, {
      hint: 'save the new report under a new id',
    });
  }
  if (message.startsWith('CORRUPT')) return new StoreError('store.corrupt', `cannot ${action}: ${detail}`);
  return undefined;
}
