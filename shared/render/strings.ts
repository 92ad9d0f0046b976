import type { Locale } from '../schemas/index.js';

/** Every fixed string a report shows, per locale. */
export interface ReportStrings {
  title: string;
  trend: (n: number, name: string) => string;
  subTrends: string;
  overview: string;
  applications: string;
  impacts: string;
  challenges: string;
  tools: string;
  quickNav: string;
  trendsIndex: string;
  sessionsIndex: string;
  toolsIndex: string;
  listSeparator: string;
  colon: string;
  sources: string;
  sessions: string;
  speaker: string;
  organization: string;
  date: string;
  track: string;
  tags: string;
  summary: string;
  keyPoints: string;
  trends: string;
  category: string;
  description: string;
  aliases: string;
  importance: string;
  trendSummary: (name: string, sessions: number, organizations: number, keywords: string[]) => string;
  overviewLead: (sessions: number, keywords: string[]) => string;
  categories: Record<string, string>;
}

const zhHant: ReportStrings = {
  title: '技術趨勢總覽',
  trend: (n, name) => `趨勢 ${n}：${name}`,
  subTrends: '子趨勢',
  overview: '總覽與建議',
  applications: '應用場景',
  impacts: '潛在影響',
  challenges: '關鍵挑戰',
  tools: '相關工具／平台',
  quickNav: '快速導航',
  trendsIndex: '趨勢分類總覽',
  sessionsIndex: '研討會總覽',
  toolsIndex: '工具與平台目錄',
  listSeparator: '、',
  colon: '：',
  sources: '來源',
  sessions: '場次',
  speaker: '講者',
  organization: '組織',
  date: '日期',
  track: '專題',
  tags: '標籤',
  summary: '摘要',
  keyPoints: '重點',
  trends: '趨勢',
  category: '類別',
  description: '說明',
  aliases: '別名',
  importance: '重要性',
  trendSummary: (name, s, o, k) => `${name}：${s} 場分享、${o} 個組織，關鍵詞包括${k.join('、')}。`,
  overviewLead: (s, k) => `本趨勢由 ${s} 場分享構成，討論集中於${k.join('、')}。`,
  categories: {
    framework: '框架',
    protocol: '協議',
    model: '模型',
    product: '產品',
    platform: '平台',
    hardware: '硬體',
    dataset: '資料集',
    organization: '組織',
    library: '函式庫',
  },
};

const zhCN: ReportStrings = {
  ...zhHant,
  title: '技术趋势总览',
  trend: (n, name) => `趋势 ${n}：${name}`,
  subTrends: '子趋势',
  overview: '总览与建议',
  applications: '应用场景',
  impacts: '潜在影响',
  challenges: '关键挑战',
  tools: '相关工具／平台',
  quickNav: '快速导航',
  trendsIndex: '趋势分类总览',
  sessionsIndex: '研讨会总览',
  toolsIndex: '工具与平台目录',
  sources: '来源',
  sessions: '场次',
  speaker: '讲者',
  organization: '组织',
  date: '日期',
  track: '专题',
  tags: '标签',
  summary: '摘要',
  keyPoints: '要点',
  trends: '趋势',
  category: '类别',
  description: '说明',
  aliases: '别名',
  importance: '重要性',
  trendSummary: (name, s, o, k) => `${name}：${s} 场分享、${o} 个组织，关键词包括${k.join('、')}。`,
  overviewLead: (s, k) => `本趋势由 ${s} 场分享构成，讨论集中于${k.join('、')}。`,
  categories: {
    framework: '框架',
    protocol: '协议',
    model: '模型',
    product: '产品',
    platform: '平台',
    hardware: '硬件',
    dataset: '数据集',
    organization: '组织',
    library: '库',
  },
};

const en: ReportStrings = {
  title: 'Technology trends overview',
  trend: (n, name) => `Trend ${n}: ${name}`,
  subTrends: 'Sub-trends',
  overview: 'Overview and recommendations',
  applications: 'Application scenarios',
  impacts: 'Potential impact',
  challenges: 'Key challenges',
  tools: 'Related tools and platforms',
  quickNav: 'Quick navigation',
  trendsIndex: 'All trends',
  sessionsIndex: 'All sessions',
  toolsIndex: 'Tools and platforms',
  listSeparator: ', ',
  colon: ': ',
  sources: 'Sources',
  sessions: 'Sessions',
  speaker: 'Speaker',
  organization: 'Organization',
  date: 'Date',
  track: 'Track',
  tags: 'Tags',
  summary: 'Summary',
  keyPoints: 'Key points',
  trends: 'Trends',
  category: 'Category',
  description: 'Description',
  aliases: 'Aliases',
  importance: 'Importance',
  trendSummary: (name, s, o, k) =>
    `${name}: ${s} sessions from ${o} organizations; key phrases: ${k.join(', ')}.`,
  overviewLead: (s, k) => `${s} sessions make up this trend; the discussion centres on ${k.join(', ')}.`,
  categories: {
    framework: 'framework',
    protocol: 'protocol',
    model: 'model',
    product: 'product',
    platform: 'platform',
    hardware: 'hardware',
    dataset: 'dataset',
    organization: 'organization',
    library: 'library',
  },
};

/** The fixed strings of a locale (zh-TW, zh-Hant and zh-HK share Traditional strings; the converter adjusts words). */
export function stringsFor(locale: Locale): ReportStrings {
  if (locale === 'en') return en;
  if (locale === 'zh-CN') return zhCN;
  return zhHant;
}
