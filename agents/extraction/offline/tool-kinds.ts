import type { ToolKind } from '../../../shared/schemas/index.js';

/**
 * Words that, near a name, say what kind of thing it is. Chinese words are Simplified; English
 * lowercased. Ordered from the most specific to the least.
 */
export const KIND_CUES: Array<{ kind: ToolKind; words: string[] }> = [
  { kind: 'protocol', words: ['协议', '通信标准', 'protocol', 'protocols', 'spec', 'specification'] },
  { kind: 'dataset', words: ['数据集', '基准测试', '评测集', 'dataset', 'datasets', 'benchmark', 'corpus'] },
  {
    kind: 'hardware',
    words: [
      '芯片',
      '眼镜',
      '硬件',
      '显卡',
      '加速卡',
      '服务器',
      '词典笔',
      '答疑笔',
      '学习机',
      '机器人',
      '终端',
      'chip',
      'chips',
      'glasses',
      'hardware',
      'device',
      'devices',
      'headset',
      'accelerator',
    ],
  },
  { kind: 'model', words: ['大模型', '模型', '基座', '微调', 'model', 'models', 'checkpoint', 'weights'] },
  {
    kind: 'framework',
    words: [
      '开发框架',
      '框架',
      '编程语言',
      '语言',
      '库',
      'sdk',
      'framework',
      'frameworks',
      'library',
      'libraries',
      'toolkit',
      'runtime',
    ],
  },
  {
    kind: 'platform',
    words: [
      '平台',
      '云服务',
      '云',
      '中台',
      'platform',
      'platforms',
      'cloud',
      'paas',
      'saas',
      'managed service',
    ],
  },
  {
    kind: 'product',
    words: [
      '引擎',
      '系统',
      '工具',
      '产品',
      '数据库',
      '编辑器',
      '助手',
      '应用',
      'engine',
      'system',
      'tool',
      'tools',
      'product',
      'database',
      'editor',
      'assistant',
      'app',
      'extension',
      'operator',
      'service',
    ],
  },
  {
    kind: 'organization',
    words: ['公司', '集团', '团队', '实验室', 'company', 'team', 'lab', 'labs', 'foundation'],
  },
];

/** Cue words that, right after a Chinese name, make it a tool name ("DLRover 框架", "子曰3数学模型"). */
export const NAME_SUFFIX_CUES = [
  '开发框架',
  '框架',
  '平台',
  '引擎',
  '协议',
  '大模型',
  '模型',
  '系统',
  '工具',
  '开源项目',
  '芯片',
  '眼镜',
  '数据库',
  '数据集',
  '词典笔',
  '答疑笔',
  '助手',
  '编辑器',
  '操作系统',
  '智能体',
  '中台',
  '基座',
  '编程语言',
  '语言',
].sort((a, b) => b.length - a.length);

/** The kind whose cue word stands closest to the mention in its sentence; `product` when none does. */
export function guessKind(sentenceLower: string, mentionStart: number, mentionEnd: number): ToolKind {
  return findKindCue(sentenceLower, mentionStart, mentionEnd)?.kind ?? 'product';
}

/** The closest kind cue within a few characters of the mention, if any. */
export function findKindCue(
  sentenceLower: string,
  mentionStart: number,
  mentionEnd: number,
): { kind: ToolKind; distance: number } | undefined {
  let best: { kind: ToolKind; distance: number } | undefined;
  for (const { kind, words } of KIND_CUES) {
    for (const word of words) {
      let from = 0;
      for (;;) {
        const at = sentenceLower.indexOf(word, from);
        if (at < 0) break;
        from = at + 1;
        if (/^[a-z]/.test(word) && !isWordBoundary(sentenceLower, at, at + word.length)) continue;
        const distance =
          at >= mentionEnd
            ? at - mentionEnd
            : at + word.length <= mentionStart
              ? mentionStart - at - word.length
              : 0;
        if (distance > 12) continue;
        if (!best || distance < best.distance) best = { kind, distance };
      }
    }
  }
  return best;
}

function isWordBoundary(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return (!before || !/[a-z0-9]/.test(before)) && (!after || !/[a-z0-9]/.test(after));
}
