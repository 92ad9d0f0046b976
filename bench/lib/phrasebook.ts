/**
 * Sentence templates of the synthetic notes, by section and language. Slots: {a} and {b} are topic
 * words, {t} and {u} tool names, {n} a number, {i} an industry. The templates carry the discourse
 * markers real talk notes use for applications, challenges, impacts and recommendations, so that
 * extraction has the same kind of cues to work with; the topic comes only from the slots.
 */
export type SectionKind = 'intro' | 'design' | 'application' | 'challenge' | 'impact' | 'recommendation';

/** Templates and headings of one language. */
export interface Phrasebook {
  headings: Record<SectionKind, readonly string[]>;
  sentences: Record<SectionKind, readonly string[]>;
  /** Bullet items of the design section. */
  bullets: readonly string[];
  titles: readonly string[];
  industries: readonly string[];
}

/** Order of the sections in a note; long notes cycle through it again with other headings. */
export const SECTION_ORDER: readonly SectionKind[] = [
  'intro',
  'design',
  'application',
  'challenge',
  'impact',
  'recommendation',
];

export const ZH: Phrasebook = {
  headings: {
    intro: ['背景', '问题的起点', '为什么是现在'],
    design: ['技术方案', '架构设计', '核心思路'],
    application: ['落地场景', '应用案例', '业务实践'],
    challenge: ['主要挑战', '踩过的坑', '真正的难点'],
    impact: ['效果', '带来的变化', '收益'],
    recommendation: ['经验与建议', '给同行的建议', '几点体会'],
  },
  sentences: {
    intro: [
      '这场分享围绕{a}展开，讲者结合团队过去两年的经验，介绍了{b}在实际业务中的演进。',
      '过去一年，{a}从概念验证走向生产环境，{b}成为团队最关注的话题。',
      '讲者首先回顾了{a}的发展脉络，指出{b}正在改变传统的做法。',
      '团队最初只是想解决{a}的效率问题，后来发现{b}才是更根本的方向。',
    ],
    design: [
      '整体架构分为三层：底层是{t}，中间是{a}模块，上层对接{b}。',
      '方案的核心是把{a}和{b}解耦，由{t}统一调度。',
      '他们没有自研全部组件，而是在{t}的基础上补齐了{a}能力。',
    ],
    application: [
      '{t}已经应用于{i}场景，支撑每天{n}万次请求。',
      '在{i}业务中，团队用{t}实现了{a}，上线三个月覆盖了{n}个团队。',
      '典型案例是把{a}部署在{i}客服场景，{b}帮助一线人员减少重复工作。',
      '目前{a}已在{n}条业务线落地，其中{i}是用得最深的场景。',
    ],
    challenge: [
      '最大的挑战在于{a}与{b}之间的权衡，规模一大就会遇到性能瓶颈。',
      '难点是{a}的数据不稳定，{b}的效果很难复现。',
      '团队也踩过不少坑：{t}早期版本在高并发下故障频发，排查成本高。',
      '{a}的评测门槛很高，缺少统一标准是目前的痛点。',
    ],
    impact: [
      '引入{t}之后，{a}的效率提升了{n}%，整体成本降低近一半。',
      '{b}把端到端耗时缩短到原来的三分之一，显著改变了团队的工作方式。',
      '上线后人工介入减少了{n}%，{a}的响应速度大幅提高。',
    ],
    recommendation: [
      '讲者建议先从{a}的小场景做起，再逐步扩展到{b}。',
      '经验是{a}必须和业务指标绑定，否则很难证明价值。',
      '关键在于建立{b}的评测体系，不要一开始就追求大而全。',
      '如果要选型，优先考虑和{t}兼容的方案，可以少走弯路。',
    ],
  },
  bullets: [
    '{t} 负责{a}，与 {u} 配合完成{b}；',
    '用{b}替换原有的规则方案，{a}的准确率明显更高；',
    '统一{a}的接口规范，新业务接入只需要一天；',
    '所有{b}相关的调用都经过 {t} 记录，方便回放和排查；',
    '对{a}做分级处理，高风险请求必须人工确认；',
  ],
  titles: [
    '{t} 在{a}中的实践',
    '从{a}到{b}：一线团队的探索',
    '基于 {t} 的{a}落地经验',
    '{a}的工程化挑战与{b}',
    '{a}实战：用 {t} 重构{b}',
  ],
  industries: ['金融', '零售', '制造', '医疗', '教育', '物流', '政务', '电信', '汽车', '能源'],
};

export const EN: Phrasebook = {
  headings: {
    intro: ['Context', 'Why now', 'Background'],
    design: ['Architecture', 'How it works', 'Design'],
    application: ['Use cases', 'In production', 'Where it runs'],
    challenge: ['Challenges', 'What went wrong', 'Hard parts'],
    impact: ['Results', 'Impact', 'What changed'],
    recommendation: ['Lessons', 'Recommendations', 'Advice'],
  },
  sentences: {
    intro: [
      'The talk was about {a}, drawing on two years of work on {b} inside a product team.',
      'Over the last year {a} moved from prototypes to production, and {b} became the main topic of discussion.',
      'The speaker opened with a short history of {a} and argued that {b} is changing how teams work.',
      'The team started out trying to speed up {a}, and found that {b} was the deeper problem.',
    ],
    design: [
      'The architecture has three layers: {t} at the bottom, a {a} module in the middle and {b} on top.',
      'The core idea is to decouple {a} from {b}, with {t} scheduling both.',
      'Rather than building everything in-house, they extended {t} with the {a} pieces it lacked.',
    ],
    application: [
      '{t} is deployed for {i} customers and handles about {n} thousand requests a day.',
      'In the {i} business, teams use {t} for {a}, and within three months {n} teams had adopted it.',
      'A typical use case is {a} in {i} support, where {b} saves agents from repetitive work.',
      'Today {a} runs in production on {n} product lines, with {i} as the heaviest user.',
    ],
    challenge: [
      'The biggest challenge is the trade-off between {a} and {b}; at scale it becomes the bottleneck.',
      'It is hard to reproduce results because the data behind {a} drifts and {b} is sensitive to it.',
      'Early versions of {t} had failures under load, and debugging them was costly.',
      'Evaluating {a} remains a pain point: there is no shared benchmark yet.',
    ],
    impact: [
      'After adopting {t}, {a} became {n}% faster and overall cost dropped by almost half.',
      '{b} cut end-to-end latency to a third and changed how the team works day to day.',
      'Manual interventions were reduced by {n}% and {a} responds much faster.',
    ],
    recommendation: [
      'The speaker recommends starting with a small {a} scenario before expanding to {b}.',
      'One lesson: {a} should be tied to business metrics, or its value is hard to prove.',
      'Build an evaluation suite for {b} first, and avoid aiming for everything at once.',
      'When choosing a stack, prefer options compatible with {t}; it saves detours.',
    ],
  },
  bullets: [
    '{t} handles {a} and works with {u} to deliver {b}.',
    'Replacing the old rules with {b} made {a} noticeably more accurate.',
    'A single interface for {a} means a new team can onboard in a day.',
    'Every {b} call is recorded by {t}, so incidents can be replayed.',
    'Requests are tiered by risk, and high-risk {a} actions need human approval.',
  ],
  titles: [
    '{A} at Scale with {t}',
    'From {a} to {b}: Lessons from the Field',
    'Building {a} on {t}',
    'What We Learned Running {a} in Production',
    'Rethinking {b} with {t}',
  ],
  industries: [
    'finance',
    'retail',
    'manufacturing',
    'healthcare',
    'education',
    'logistics',
    'public sector',
    'telecom',
    'automotive',
    'energy',
  ],
};
