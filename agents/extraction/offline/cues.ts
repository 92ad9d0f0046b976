/**
 * Cue words that mark what a sentence is about: an application, a challenge, an impact or a
 * recommendation. They are general discourse markers of talk notes, in Simplified Chinese (analysis
 * runs on Simplified text) and English, not words of any one corpus.
 */
export type CueKind = 'application' | 'challenge' | 'impact' | 'recommendation';

export const CUES: Record<CueKind, { zh: string[]; en: string[] }> = {
  application: {
    zh: [
      '场景',
      '应用于',
      '用于',
      '落地',
      '实践',
      '案例',
      '用在',
      '应用在',
      '服务于',
      '支撑',
      '赋能',
      '部署在',
      '上线',
      '业务中',
      '帮助',
      '实现了',
    ],
    en: [
      'use case',
      'used for',
      'used to',
      'applied to',
      'in production',
      'deployed',
      'powers',
      'scenario',
      'we use',
      'teams use',
      'lets teams',
      'enables',
      'customers',
      'built on',
    ],
  },
  challenge: {
    zh: [
      '挑战',
      '难点',
      '瓶颈',
      '痛点',
      '困难',
      '难题',
      '风险',
      '难以',
      '问题',
      '不稳定',
      '故障',
      '复杂性',
      '成本高',
      '限制',
      '门槛',
      '短板',
      '制约',
      '不足',
      '隐患',
    ],
    en: [
      'challenge',
      'bottleneck',
      'difficult',
      'hard to',
      'pain point',
      'risk',
      'problem',
      'issue',
      'limitation',
      'struggle',
      'failure',
      'costly',
      'expensive',
      'complexity',
      'trade-off',
      'pitfall',
      'caveat',
      'drawback',
    ],
  },
  impact: {
    zh: [
      '提升',
      '降低',
      '提高',
      '缩短',
      '减少',
      '节省',
      '改变',
      '重塑',
      '推动',
      '加速',
      '倍',
      '%',
      '％',
      '显著',
      '大幅',
      '效率',
      '带来',
    ],
    en: [
      'improve',
      'reduce',
      'increase',
      'faster',
      'cut ',
      'cuts ',
      'saves',
      'speed up',
      'lower',
      'boost',
      'x ',
      '%',
      'times',
      'transform',
      'reshape',
      'drove',
      'dropped',
    ],
  },
  recommendation: {
    zh: [
      '建议',
      '应该',
      '应当',
      '需要',
      '关键是',
      '关键在于',
      '最佳实践',
      '经验',
      '必须',
      '值得',
      '务必',
      '不要',
      '优先',
      '核心是',
      '要点',
      '启示',
    ],
    en: [
      'should',
      'recommend',
      'must',
      'best practice',
      'lesson',
      'key is',
      'advice',
      'avoid',
      'make sure',
      'prefer',
      'start with',
      'takeaway',
      'we learned',
      'do not',
      "don't",
    ],
  },
};

/** Industries, as a general taxonomy: an id, labels, and the words that signal it (Simplified Chinese, English). */
export const INDUSTRIES: Array<{
  name: string;
  label: { zh: string; en: string };
  zh: string[];
  en: string[];
}> = [
  {
    name: 'finance',
    label: { zh: '金融', en: 'Finance' },
    zh: ['金融', '银行', '证券', '保险', '支付', '风控', '信贷', '理财'],
    en: ['finance', 'financial', 'bank', 'banking', 'insurance', 'payment', 'fintech', 'trading'],
  },
  {
    name: 'retail',
    label: { zh: '零售与电商', en: 'Retail and e-commerce' },
    zh: ['零售', '电商', '商家', '购物', '商品'],
    en: ['retail', 'e-commerce', 'ecommerce', 'shopping', 'merchant'],
  },
  {
    name: 'energy',
    label: { zh: '能源', en: 'Energy' },
    zh: ['能源', '电力', '电网', '石油', '油气', '新能源', '光伏'],
    en: ['energy', 'power grid', 'utilities', 'oil and gas', 'solar'],
  },
  {
    name: 'manufacturing',
    label: { zh: '制造', en: 'Manufacturing' },
    zh: ['制造', '工厂', '工业', '产线', '质检'],
    en: ['manufacturing', 'factory', 'industrial', 'production line'],
  },
  {
    name: 'healthcare',
    label: { zh: '医疗健康', en: 'Healthcare' },
    zh: ['医疗', '医院', '医生', '药物', '健康', '病历'],
    en: ['healthcare', 'medical', 'hospital', 'clinical', 'pharma', 'patient'],
  },
  {
    name: 'education',
    label: { zh: '教育', en: 'Education' },
    zh: ['教育', '学习', '学生', '教学', '课程', '老师', '答疑'],
    en: ['education', 'learning', 'students', 'teaching', 'course'],
  },
  {
    name: 'automotive',
    label: { zh: '汽车与出行', en: 'Automotive and mobility' },
    zh: ['汽车', '自动驾驶', '智驾', '出行', '车载'],
    en: ['automotive', 'autonomous driving', 'vehicle', 'mobility'],
  },
  {
    name: 'logistics',
    label: { zh: '物流', en: 'Logistics' },
    zh: ['物流', '仓储', '配送', '供应链'],
    en: ['logistics', 'warehouse', 'delivery', 'supply chain'],
  },
  {
    name: 'media',
    label: { zh: '媒体与内容', en: 'Media and content' },
    zh: ['媒体', '内容创作', '播客', '音频', '视频', '新闻', '短视频', '直播'],
    en: ['media', 'podcast', 'content creation', 'video', 'news', 'streaming media'],
  },
  {
    name: 'gaming',
    label: { zh: '游戏与娱乐', en: 'Gaming and entertainment' },
    zh: ['游戏', '娱乐', '电竞'],
    en: ['gaming', 'game', 'entertainment'],
  },
  {
    name: 'telecom',
    label: { zh: '电信', en: 'Telecom' },
    zh: ['电信', '运营商', '通信'],
    en: ['telecom', 'carrier', 'telecommunications'],
  },
  {
    name: 'public-sector',
    label: { zh: '政务与公共服务', en: 'Public sector' },
    zh: ['政务', '政府', '公共服务', '城市治理'],
    en: ['government', 'public sector', 'public service'],
  },
  {
    name: 'devices-iot',
    label: { zh: '智能硬件与物联网', en: 'Devices and IoT' },
    zh: ['硬件', '物联网', '智能家居', '可穿戴', '眼镜', '终端设备'],
    en: ['hardware', 'iot', 'smart home', 'wearable', 'devices'],
  },
  {
    name: 'software',
    label: { zh: '软件与互联网', en: 'Software and internet' },
    zh: ['研发', '软件开发', '互联网', '开发者', '程序员'],
    en: ['software', 'developers', 'internet', 'saas'],
  },
  {
    name: 'agriculture',
    label: { zh: '农业', en: 'Agriculture' },
    zh: ['农业', '种植', '养殖'],
    en: ['agriculture', 'farming'],
  },
  {
    name: 'legal',
    label: { zh: '法律', en: 'Legal' },
    zh: ['法律', '律师', '合同'],
    en: ['legal', 'law firm', 'contract review'],
  },
];

/** Cue words that often mean something else ("问题" is also just "question"): they count for less. */
const WEAK_CUES = new Set([
  '问题',
  '限制',
  '不足',
  '故障',
  'problem',
  'issue',
  'failure',
  '需要',
  '经验',
  '值得',
  '优先',
  '实践',
  '帮助',
  '实现了',
  '上线',
  '支撑',
  '带来',
  '推动',
  '效率',
  '改变',
  'customers',
  'enables',
  'lower',
  'times',
  'x ',
]);

/** How strongly a sentence carries each cue kind: 1 for a strong cue word, 0.4 for a weak one only. */
export function cueStrengths(simplifiedLower: string): Map<CueKind, number> {
  const strengths = new Map<CueKind, number>();
  for (const kind of Object.keys(CUES) as CueKind[]) {
    const { zh, en } = CUES[kind];
    const hits = [...zh, ...en].filter((w) => simplifiedLower.includes(w));
    if (hits.length > 0) strengths.set(kind, hits.some((w) => !WEAK_CUES.has(w)) ? 1 : 0.4);
  }
  return strengths;
}

/** The cue kinds a sentence carries, strong or weak (lowercased English, Simplified Chinese). */
export function cueKinds(simplifiedLower: string): CueKind[] {
  return [...cueStrengths(simplifiedLower).keys()];
}
