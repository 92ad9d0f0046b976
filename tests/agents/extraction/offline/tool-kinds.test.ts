import { describe, expect, it } from 'vitest';
import {
  findKindCue,
  guessKind,
  NAME_SUFFIX_CUES,
} from '../../../../agents/extraction/offline/tool-kinds.js';

/** Kind of the mention `name` inside an analysis-form (Simplified, lowercased) sentence. */
function kindIn(sentence: string, name: string) {
  const at = sentence.indexOf(name);
  if (at < 0) throw new Error(`${name} is not in ${sentence}`);
  return guessKind(sentence, at, at + name.length);
}

describe('guessKind', () => {
  it('maps Chinese cue words next to a name to their kind', () => {
    expect(kindIn('团队采用 zenoh 协议连接机器人', 'zenoh')).toBe('protocol');
    expect(kindIn('昇腾芯片已经量产', '昇腾')).toBe('hardware');
    expect(kindIn('盘古大模型负责问答', '盘古')).toBe('model');
    expect(kindIn('飞桨框架支持国产硬件', '飞桨')).toBe('framework');
    expect(kindIn('星河平台承载检索服务', '星河')).toBe('platform');
    expect(kindIn('他们发布了 mteb 评测集', 'mteb')).toBe('dataset');
  });

  it('maps English cue words to their kind, on word boundaries only', () => {
    expect(kindIn('we built it with the mastra framework', 'mastra')).toBe('framework');
    expect(kindIn('robots talk over the zenoh protocol', 'zenoh')).toBe('protocol');
    expect(kindIn('the jetson orin chip runs at the edge', 'jetson orin')).toBe('hardware');
    // "specialist" contains "spec", "modelling" contains "model": neither is a cue.
    expect(kindIn('our specialist foo handles modelling', 'foo')).toBe('product');
  });

  it('says product when no cue word is near, and prefers the closest cue', () => {
    expect(kindIn('we simply run zenith everywhere', 'zenith')).toBe('product');
    expect(kindIn('zenith is mentioned here and much, much later on comes the word protocol', 'zenith')).toBe(
      'product',
    );
    // 协议 is right after the name; 模型 is farther away.
    expect(kindIn('模型之间通过 zeta 协议通信', 'zeta')).toBe('protocol');
  });
});

describe('findKindCue', () => {
  it('reports the distance of the cue, 0 when it overlaps the mention', () => {
    const s = '星河平台';
    expect(findKindCue(s, 0, 2)).toEqual({ kind: 'platform', distance: 0 });
    expect(findKindCue('星河 平台', 0, 2)).toEqual({ kind: 'platform', distance: 1 });
    expect(findKindCue('没有任何线索的句子', 0, 2)).toBeUndefined();
  });
});

describe('NAME_SUFFIX_CUES', () => {
  it('tries longer cues first, so 大模型 wins over 模型 and 开发框架 over 框架', () => {
    const index = (w: string) => NAME_SUFFIX_CUES.indexOf(w);
    expect(index('大模型')).toBeLessThan(index('模型'));
    expect(index('开发框架')).toBeLessThan(index('框架'));
    for (let i = 1; i < NAME_SUFFIX_CUES.length; i++) {
      expect(NAME_SUFFIX_CUES[i]!.length).toBeLessThanOrEqual(NAME_SUFFIX_CUES[i - 1]!.length);
    }
  });
});
