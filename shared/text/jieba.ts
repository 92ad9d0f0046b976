import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let instance: Jieba | undefined;

/** Where the project dictionary lives: beside this module, or in the source tree when running from dist/. */
export function termsDictionaryPath(): string {
  const beside = fileURLToPath(new URL('./dict/terms.txt', import.meta.url));
  if (existsSync(beside)) return beside;
  const source = beside.replace(/[\\/]dist(?=[\\/]shared[\\/]text[\\/]dict[\\/])/, '');
  return existsSync(source) ? source : beside;
}

/** The shared jieba segmenter with its default and project dictionaries, loaded on first use. */
export function getJieba(): Jieba {
  if (instance) return instance;
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(readFileSync(termsDictionaryPath()));
  instance = jieba;
  return jieba;
}
