import { createHash } from 'node:crypto';

/** Longest slug before the optional hash suffix. */
const MAX_BASE = 80;

/**
 * Turns text into an ASCII slug valid as an id (`Café Talk` → `cafe-talk`). Letters or digits that
 * have no ASCII form (Chinese, Cyrillic …) are not dropped silently: a 10-hex-digit SHA-256 prefix of
 * the text is appended (`01-智能体` → `01-5f1c…`), or used alone when nothing ASCII is left, so
 * different names keep different slugs.
 */
export function slugify(text: string): string {
  const plain = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const base = plain
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_BASE)
    .replace(/^-+|-+$/g, '');
  const lost = /[^\P{L}a-z]|[^\P{N}0-9]/u.test(plain);
  if (base !== '' && !lost) return base;
  const hash = createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex').slice(0, 10);
  return base === '' ? hash : `${base}-${hash}`;
}
