import type { AskIntent } from './schemas.js';

// Structural questions have exact answers in the read tools' filters. These patterns run on the
// question in Simplified Chinese and lower case; they name the question's shape, never its topic.
const TOOLISH =
  /\b(tools?|frameworks?|platforms?|protocols?|products?|librar(y|ies)|technolog(y|ies)|models?)\b|工具|框架|平台|协议|产品|技术|模型/;
const TRENDISH = /\btrends?\b|\bthemes?\b|趋势|主题|方向/;
const SEVERAL =
  /\b(more than (one|two|three|\d+)|multiple|several|across|at least (two|three|\d+)|(two|three|\d+) or more|shared by|in (two|three|\d+)\+? )|多个|不止一个|跨|至少|以上|超过/;
const ORGANIZATIONS =
  /\b(organi[sz]ations?|compan(y|ies)|vendors?|firms?|teams?|who)\b|组织|公司|机构|厂商|企业有哪些|哪家|哪些团队|谁/;
const TRACKS = /\btracks?\b|专题|分论坛|专场/;
const COUNTS = /\bhow many\b|\bnumber of\b|\bcount\b|多少|几个|几场|几家|几位|数量|总共|一共/;
const CHANGES =
  /\bwhat('s| is| has)? (changed|new)\b|\bchang(e|ed|es)\b|\bsince\b|\bcompared? (to|with)\b|\bdiffer|\bevolv|\bversus\b|\bvs\.?\s|变化|改变|新增|新出现|相比|对比|演变|上一届|上届|上次|去年/;
const OVERVIEW =
  /\b(main|top|key|biggest|major|important) (trends?|themes?|topics?)\b|\boverview\b|\bsummar(y|ize|ise)\b|主要趋势|重要趋势|概览|总结|总体|整体/;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
};

function numberOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  const n = NUMBER_WORDS[word] ?? Number(word);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The smallest number of trends a cross-cutting tool must be in, as the question puts it (default 2). */
export function minTrendsOf(plain: string): number {
  const more = /more than (one|two|three|four|five|\d+)|超过\s*([一二两三四五\d]+)\s*个?/.exec(plain);
  const moreN = numberOf(more?.[1] ?? more?.[2]);
  if (moreN !== undefined) return Math.min(1000, moreN + 1);
  const least =
    /at least (one|two|three|four|five|\d+)|(one|two|three|four|five|\d+) or more|至少\s*([一二两三四五\d]+)\s*个?|([一二两三四五\d]+)\s*个(或)?以上/.exec(
      plain,
    );
  const leastN = numberOf(least?.[1] ?? least?.[2] ?? least?.[3] ?? least?.[4]);
  return leastN !== undefined ? Math.max(2, Math.min(1000, leastN)) : 2;
}

/** What a question asks for beyond its topic, from its wording. */
export function detectIntents(plain: string, hasTopic: boolean): AskIntent[] {
  const intents: AskIntent[] = [];
  if (hasTopic) intents.push('topic');
  if (TOOLISH.test(plain) && TRENDISH.test(plain) && SEVERAL.test(plain)) intents.push('cross-trend-tools');
  if (ORGANIZATIONS.test(plain)) intents.push('organizations');
  if (TRACKS.test(plain)) intents.push('tracks');
  if (COUNTS.test(plain)) intents.push('counts');
  if (CHANGES.test(plain)) intents.push('changes');
  if (OVERVIEW.test(plain) || intents.length === 0) intents.push('overview');
  return intents;
}
