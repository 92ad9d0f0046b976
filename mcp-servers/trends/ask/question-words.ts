import { normalizeEnglish, toSimplified } from '../../../shared/text/index.js';
import type { ClaimSection } from '../schemas.js';

// Words that shape a question about a report rather than name its topic ("which trends mention …",
// "哪些趨勢和 … 有關"). Searching them would match every trend alike ("trend" is in every summary).
const EN_QUESTION_WORDS = `what which who whom whose how why where when many much evidence proof trend trends
topic topics theme themes report reports conference conferences seminar seminars event events talk talks session
sessions presentation presentations tool tools mention mentions mentioned relate relates related relating regarding
cover covers covered discuss discusses discussed say says said appear appears appeared show shows tell list give
find exist exists anything something kind kinds sort type types one two three several multiple different number
count key main important major top biggest new latest last previous earlier recent recently since change changes
changed compare compared comparison differ difference organization organizations organisation organisations company
companies vendor vendors speaker speakers present presented track tracks please know explain describe summary
summarize summarise overview happen happened across between shared share involve involves involved use uses used
using least talked talking team teams people`;

const ZH_QUESTION_WORDS = `哪些 哪个 哪個 哪家 哪位 哪里 哪场 什么 怎么 怎样 如何 为何 为什么 多少 几个 几场 几家 几位 是否
有没有 有无 请问 请 告诉 列出 说说 介绍 一下 有关 相关 关于 涉及 提到 提及 讨论 谈到 讲到 讲 谈 说 表示 趋势 主题 话题
方向 报告 会议 大会 峰会 论坛 分享 演讲 议题 场次 嘉宾 讲者 工具 出现 多个 多种 不止 两个 以上 超过 至少 证据 依据 支撑
说明 表明 关键 主要 重要 变化 改变 新增 相比 对比 区别 上次 上一届 上届 以来 最近 最新 组织 公司 机构 厂商 团队 谁 数量 总共
一共 共有 场 家 有 是 哪 里面 其中 当中 之间 同时 属于 归属 包含 包括 对应 有哪些 什么样 哪方面 领域 情况 现状 进展 发展 动态 专题 专场 分论坛`;

// Words that point at one section of the trend write-ups. They stay in the search at a low
// weight (风险 and 落地 are also topics) and raise the claims of their section.
const SECTION_WORDS: Record<ClaimSection, string> = {
  challenges: `challenge challenges problem problems difficulty difficulties issue issues risk risks obstacle
obstacles bottleneck bottlenecks hard 挑战 难点 难题 问题 瓶颈 风险 障碍 困难`,
  applications: `application applications scenario scenarios usecase case cases adoption deploy deployed 应用 场景
用例 案例 落地 实践`,
  impacts: `impact impacts effect effects implication implications consequence consequences 影响 作用 意义 价值`,
  overview: `recommendation recommendations recommend advice 建议 推荐 概述`,
};

/** A normalized form of a word as the tokenizer would produce it. */
function norm(word: string): string {
  return /[a-z]/i.test(word) ? normalizeEnglish(word) : toSimplified(word);
}

let questionWords: Set<string> | undefined;
let sectionWords: Map<string, ClaimSection> | undefined;

/** True when a normalized term only shapes the question ("which", "trend", "哪些", "有关"). */
export function isQuestionWord(term: string): boolean {
  questionWords ??= new Set(
    `${EN_QUESTION_WORDS} ${ZH_QUESTION_WORDS}`.split(/\s+/).filter(Boolean).map(norm),
  );
  return questionWords.has(term);
}

/** The claim section a normalized term points at ("challenge", "挑战" → challenges), if any. */
export function sectionOfWord(term: string): ClaimSection | undefined {
  if (!sectionWords) {
    sectionWords = new Map();
    for (const [section, words] of Object.entries(SECTION_WORDS) as Array<[ClaimSection, string]>) {
      for (const word of words.split(/\s+/).filter(Boolean)) sectionWords.set(norm(word), section);
    }
  }
  return sectionWords.get(term);
}
