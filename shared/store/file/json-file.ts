import { promises as fs } from 'node:fs';
import type { z } from 'zod';
import { StoreError } from '../../errors.js';
import { decodeStored } from '../codec.js';
import { writeFileAtomic } from './atomic-write.js';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function ioError(error: unknown, action: string, file: string): StoreError {
  return new StoreError('store.io', `cannot ${action} ${file}: ${(error as Error).message}`, {
    cause: error,
    hint: 'check that the store directory exists, is writable and the disk is not full',
  });
}

/** The text of a file; null when it does not exist. */
export async function readTextFile(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw ioError(error, 'read', file);
  }
}

/** Reads and validates one JSON file; null when it does not exist. */
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<z.output<S> | null> {
  const text = await readTextFile(file);
  return text === null ? null : decodeStored(schema, text, file);
}

/** Writes one value as JSON (or JSON text already serialized), atomically (see writeFileAtomic). */
export async function writeJsonFile(file: string, value: unknown, serialized = false): Promise<void> {
  try {
    await writeFileAtomic(file, serialized ? (value as string) : JSON.stringify(value));
  } catch (error) {
    throw ioError(error, 'write', file);
  }
}

/** Names in a directory, none when it does not exist. */
export async function listDirectory(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw ioError(error, 'list', dir);
  }
}

/** Whether a file exists. */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw ioError(error, 'read', file);
  }
}

interface Entry {
  signature: string;
  value: unknown;
}

/**
 * Keeps parsed copies of large files that are read often (the sessions index, a seminar's sessions)
 * and only re-reads a file when its inode, size or time changed: every write replaces the inode.
 */
export class JsonFileCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries: number) {}

  /** Like readJsonFile, from memory when the file did not change; treat the result as read-only. */
  async read<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S> | null> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if (isMissing(error)) {
        this.entries.delete(file);
        return null;
      }
      throw ioError(error, 'read', file);
    }
    try {
      const stat = await handle.stat();
      const signature = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
      const cached = this.entries.get(file);
      if (cached?.signature === signature) {
        this.entries.delete(file);
        this.entries.set(file, cached);
        return cached.value as z.output<S>;
      }
      const text = await handle.readFile('utf8');
      const value = decodeStored(schema, text, file);
      this.entries.set(file, { signature, value });
      while (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
      return value;
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw ioError(error, 'read', file);
    } finally {
      await handle.close();
    }
  }
}
