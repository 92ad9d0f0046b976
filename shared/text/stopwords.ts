import { stemEnglish } from './stem.js';

/** English function words, dropped from search terms and key phrases. */
export const EN_STOPWORDS: readonly string[] =
  `a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each either else etc even ever
every few for from further get gets got had has have having he her here hers herself him himself his how however i
if in into is it its itself just let like many may me might more most much must my myself no nor not now of off
often on once only onto or other others otherwise our ours ourselves out over own per rather same shall she should
since so some such than that the their theirs them themselves then there these they this those though through thus
to too under until up upon us very via was we were what whatever when where whether which while who whom whose why
will with within without would yet you your yours yourself yourselves i.e e.g vs`.split(/\s+/);

/** Chinese function words and fillers (Simplified), dropped from search terms and key phrases. */
export const ZH_STOPWORDS: readonly string[] =
  `的 了 和 与 及 或 是 在 也 就 都 而 并 且 但 却 又 还 着 过 把 被 让 给 对 从 向 于 以 为 之 其 此
基于 这 那 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 哪 哪些 什么 怎么 怎样 如何 为什么 吗 呢 吧 啊 呀 嘛 哦 么
我 你 他 她 它 我们 你们 他们 她们 它们 咱们 自己 大家 各位 本 该 每 各 某 另 另外 其他 其它 其中 之一 一个 一种 一些 一下 一样
一直 一定 一般 一方面 另一方面 不 没 没有 无 非 很 太 最 更 较 比较 非常 特别 十分 已 已经 曾 曾经 正 正在 将 将会 会 能 可 可以 能够
要 需 应 应该 必须 可能 也许 或许 如果 假如 若 即使 虽然 尽管 但是 然而 不过 因为 由于 所以 因此 因而 于是 然后 接着 并且 而且 以及 还是
或者 还有 甚至 例如 比如 譬如 即 就是 也就是 等 等等 等到 之后 之前 以后 以前 当时 时候 的话 来说 来讲 而言 方面 通过 根据 按照 关于 对于
至于 除了 随着 作为 成为 进行 得到 做到 具有 有 有些 有的 所有 一切 任何 全部 只 只是 只有 仅 仅仅 才 再 又是 都是 就是说 地 得 所 上 下
中 内 外 里 个 位 种 次 些 点 来 去 说 看 做 用 使 使用 让 啊 嗯`.split(/\s+/);

let stopSet: Set<string> | undefined;

function buildStopSet(): Set<string> {
  const set = new Set<string>(ZH_STOPWORDS);
  for (const w of EN_STOPWORDS) {
    set.add(w);
    set.add(stemEnglish(w));
  }
  return set;
}

/** True when a normalized token (Simplified, lowercased, stemmed) is a stop word. */
export function isStopWord(norm: string): boolean {
  stopSet ??= buildStopSet();
  return stopSet.has(norm);
}

/** Words too generic to be a key phrase on their own or at a phrase's edge (zh Simplified and en). */
export const GENERIC_WORDS: readonly string[] =
  `问题 方面 方式 方法 情况 内容 部分 过程 结果 东西 事情 时候 时间 工作 相关 主要 重要 不同 很多 更多
整个 各种 核心 关键 实现 提供 支持 包括 需要 利用 采用 帮助 分享 介绍 讨论 演讲 嘉宾 会议 大会 专场 今天 现在 目前 未来 当前 传统
大家 公司 团队 非常 一起 开始 发现 希望 觉得 认为 可能 所谓 比如说 同时 首先 其次 最后 然后 之间 以上 以下 左右 整体 基本 真正 已经
use using new way thing lot talk session speaker today make need well good great one two three first second time
year example part base based different important key main provide support help work approach problem solution
case level area people team company also many much really just get`.split(/\s+/);

let genericSet: Set<string> | undefined;

/** True when a normalized token is too generic to stand as, or start or end, a key phrase. */
export function isGenericWord(norm: string): boolean {
  if (!genericSet) {
    genericSet = new Set<string>();
    for (const w of GENERIC_WORDS) {
      genericSet.add(w);
      if (/^[a-z]+$/.test(w)) genericSet.add(stemEnglish(w));
    }
  }
  return genericSet.has(norm);
}
