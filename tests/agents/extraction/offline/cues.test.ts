import { describe, expect, it } from 'vitest';
import { CUES, cueKinds, INDUSTRIES } from '../../../../agents/extraction/offline/cues.js';

describe('cueKinds', () => {
  it('recognises each kind of statement in Simplified Chinese', () => {
    expect(cueKinds('最大的瓶颈在于显存带宽')).toContain('challenge');
    expect(cueKinds('推理成本降低了一半')).toContain('impact');
    expect(cueKinds('建议从小流量灰度开始')).toContain('recommendation');
    expect(cueKinds('这套方案已经在仓储调度场景落地')).toContain('application');
  });

  it('recognises each kind of statement in lowercased English', () => {
    expect(cueKinds('the hardest part is a schema drift problem')).toContain('challenge');
    expect(cueKinds('it cut p99 latency by 40%')).toContain('impact');
    expect(cueKinds('you should pin the versions')).toContain('recommendation');
    expect(cueKinds('it is used for fraud scoring in production')).toContain('application');
  });

  it('finds several kinds in one sentence and none in a plain one', () => {
    const kinds = cueKinds('建议优先解决冷启动问题，它让转化率提升了 12%');
    expect(kinds).toEqual(expect.arrayContaining(['recommendation', 'challenge', 'impact']));
    expect(cueKinds('讲者介绍了自己的团队')).toEqual([]);
    expect(cueKinds('the speaker introduced her team')).toEqual([]);
  });

  it('has cue words for every kind in both languages, all lowercased', () => {
    for (const { zh, en } of Object.values(CUES)) {
      expect(zh.length).toBeGreaterThan(3);
      expect(en.length).toBeGreaterThan(3);
      for (const w of en) expect(w).toBe(w.toLowerCase());
    }
  });
});

describe('INDUSTRIES', () => {
  it('has unique names and labels in both languages', () => {
    const names = INDUSTRIES.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const industry of INDUSTRIES) {
      expect(industry.label.zh.length).toBeGreaterThan(0);
      expect(industry.label.en.length).toBeGreaterThan(0);
      expect(industry.zh.length + industry.en.length).toBeGreaterThan(2);
    }
  });
});
