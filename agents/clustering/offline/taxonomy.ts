/**
 * A general taxonomy of technology areas. It only supplies readable names for clusters the data
 * already formed; it never decides the grouping. Keywords are analysis forms: Simplified Chinese
 * words and lowercased English stems, matched against a cluster's most distinctive terms.
 */
export interface Area {
  id: string;
  zh: string;
  en: string;
  keywords: string[];
}

export const TAXONOMY: Area[] = [
  { id: 'ai-agents', zh: 'AI 智能体', en: 'AI agents', keywords: ['智能体', 'agent', '多智能体', 'multi-agent', '智能代理', '自主', '规划', '记忆', '工具调用', 'tool use', 'autonomous', 'agentic', '协作', 'function calling'] },
  { id: 'agent-protocols', zh: '智能体协议与互操作', en: 'Agent protocols and interoperability', keywords: ['协议', 'protocol', 'mcp', 'a2a', 'anp', '互操作', '互联', 'interoperability', '通信', '标准化'] },
  { id: 'llm-genai', zh: '大模型与生成式 AI', en: 'Large language models and generative AI', keywords: ['大模型', 'llm', '生成式', 'genai', '语言模型', 'language model', '预训练', '基座', 'foundation model', 'gpt', '生成', '多模态'] },
  { id: 'llm-training', zh: '大模型训练', en: 'Model training', keywords: ['训练', 'training', '预训练', 'pretraining', '万卡', '集群', 'checkpoint', '分布式训练', 'fine-tun', '微调', 'sft', 'rlhf', '对齐'] },
  { id: 'inference', zh: '推理优化与模型服务', en: 'Inference optimization and model serving', keywords: ['推理', 'inference', 'serving', '延迟', 'latency', '吞吐', 'throughput', '推测解码', 'speculative', 'kv cache', '量化', 'quantization', '并发', 'batching', '显存'] },
  { id: 'ai-infra', zh: 'AI 基础设施', en: 'AI infrastructure', keywords: ['基础设施', 'infrastructure', '算力', 'gpu', '集群', 'cluster', '稳定性', '调度', 'scheduling', '存储', '加速', '训练', '推理'] },
  { id: 'data-platform', zh: '数据平台与数据智能', en: 'Data platforms and data intelligence', keywords: ['数据平台', '数据湖', 'data lake', 'lakehouse', '数仓', 'warehouse', '数据治理', 'governance', '数智', '大数据', 'big data', 'etl', '湖仓'] },
  { id: 'storage', zh: '数据存储与容灾', en: 'Storage and disaster recovery', keywords: ['存储', 'storage', '灾备', '容灾', 'disaster recovery', '备份', 'backup', '迁移', 'migration', '跨云', '对象存储', 'replication', '复制'] },
  { id: 'databases', zh: '数据库', en: 'Databases', keywords: ['数据库', 'database', 'postgr', 'sql', 'mysql', '事务', 'transaction', '索引', 'index', 'replication', 'schema', 'query', '查询'] },
  { id: 'analytics', zh: '实时分析与流处理', en: 'Analytics and stream processing', keywords: ['分析', 'analytic', 'olap', '实时', 'real-time', 'realtime', '流', 'stream', 'kafka', '列存', 'columnar', 'dashboard', '报表'] },
  { id: 'vector-search', zh: '向量检索与 RAG', en: 'Vector search and retrieval', keywords: ['向量', 'vector', '检索', 'retrieval', 'rag', '检索增强生成', 'embedding', '知识库', 'knowledge base', '召回', 'rerank', '语义搜索', 'semantic search'] },
  { id: 'knowledge', zh: '知识管理与问答', en: 'Knowledge management and Q&A', keywords: ['知识库', '问答', 'question answering', 'q&a', '知识图谱', 'knowledge graph', '文档', 'document', '企业知识'] },
  { id: 'ai-coding', zh: 'AI 辅助软件开发', en: 'AI-assisted software development', keywords: ['编程', 'coding', '代码', 'code', '研发', '开发者', 'developer', 'copilot', '代码补全', 'completion', '对话式编程', '程序员', 'ide', '研发效能', '工程效能'] },
  { id: 'devops', zh: 'DevOps 与研发效能', en: 'DevOps and engineering productivity', keywords: ['devops', 'ci', 'cd', '发布', 'release', '部署', 'deploy', '流水线', 'pipeline', '效能', 'productivity', '测试', 'testing'] },
  { id: 'cloud-native', zh: '云原生与容器', en: 'Cloud native and containers', keywords: ['云原生', 'cloud native', 'kubernetes', 'k8s', '容器', 'container', 'operator', '微服务', 'microservice', 'serverless', '弹性', 'autoscal'] },
  { id: 'observability', zh: '可观测性与运维', en: 'Observability and operations', keywords: ['可观测', 'observability', '监控', 'monitoring', 'tracing', '链路', 'trace', '日志', 'log', 'metric', '告警', 'alert', 'ebpf', 'opentelemetry', 'sre'] },
  { id: 'iac-cost', zh: '基础设施即代码与成本治理', en: 'Infrastructure as code and cost management', keywords: ['terraform', 'iac', 'infrastructure as code', '成本', 'cost', 'finops', '账单', 'billing', 'spend', '预算', 'budget', 'provision', 'opentofu'] },
  { id: 'cloud', zh: '云计算平台', en: 'Cloud platforms', keywords: ['云', 'cloud', 'aws', 'gcp', 'azure', '多云', 'multi-cloud', '公有云', '私有云', 'region', '托管', 'managed'] },
  { id: 'security', zh: '安全与治理', en: 'Security and governance', keywords: ['安全', 'security', '合规', 'compliance', '治理', 'governance', '隐私', 'privacy', '攻击', 'attack', '风险', 'risk', '审计', 'audit', '越狱', 'jailbreak'] },
  { id: 'multimodal', zh: '多模态 AI', en: 'Multimodal AI', keywords: ['多模态', 'multimodal', '图像', 'image', '视觉', 'vision', '语音', 'speech', '视频', 'video', '音频', 'audio', 'ocr'] },
  { id: 'generative-media', zh: '生成式内容与媒体', en: 'Generative media and content', keywords: ['生成', 'generation', '图像生成', '扩散', 'diffusion', '自回归', 'autoregressive', '内容创作', '播客', 'podcast', '音频', '视频生成', '创作'] },
  { id: 'edge-ai', zh: '端侧 AI 与智能硬件', en: 'On-device AI and smart hardware', keywords: ['端侧', 'on-device', 'edge', '终端', '硬件', 'hardware', '手机', 'mobile', '功耗', 'power', '轻量化', '芯片', 'chip', '设备', 'device'] },
  { id: 'iot', zh: '物联网与 AIoT', en: 'IoT and AIoT', keywords: ['物联网', 'iot', 'aiot', '智能家居', 'smart home', '传感器', 'sensor', '设备', '边缘'] },
  { id: 'xr', zh: 'AR/VR 与空间计算', en: 'AR/VR and spatial computing', keywords: ['ar', 'vr', 'xr', '增强现实', '空间计算', 'spatial', '眼镜', 'glasses', '头显', 'headset', '虚拟现实'] },
  { id: 'robotics', zh: '机器人与具身智能', en: 'Robotics and embodied AI', keywords: ['机器人', 'robot', '具身', 'embodied', '机械臂', '自动驾驶', 'autonomous driving', '控制', 'manipulation'] },
  { id: 'enterprise-ai', zh: '企业 AI 落地', en: 'Enterprise AI adoption', keywords: ['企业', 'enterprise', '落地', 'adoption', '业务', 'business', '转型', 'transformation', 'roi', '组织', '流程', '自动化', '数字化'] },
  { id: 'automation', zh: '流程自动化', en: 'Process automation', keywords: ['自动化', 'automation', 'rpa', '工作流', 'workflow', '流程', 'process', '编排', 'orchestration'] },
  { id: 'fintech', zh: '金融科技与风控', en: 'Fintech and risk control', keywords: ['金融', 'finance', '支付', 'payment', '风控', 'risk control', '反欺诈', 'fraud', '银行', 'bank', '信贷', 'credit', '交易'] },
  { id: 'edtech', zh: '教育科技', en: 'Education technology', keywords: ['教育', 'education', '学习', 'learning', '学生', 'student', '答疑', '词典笔', '课程', 'tutor', '教学'] },
  { id: 'healthcare-ai', zh: '医疗健康 AI', en: 'AI in healthcare', keywords: ['医疗', 'medical', 'health', '医院', 'hospital', '临床', 'clinical', '药物', 'drug', '影像'] },
  { id: 'energy-industry', zh: '能源与工业智能', en: 'AI in energy and industry', keywords: ['能源', 'energy', '电力', 'power grid', '工业', 'industrial', '制造', 'manufacturing', '油气', '设备运维'] },
  { id: 'retail-ai', zh: '零售与电商 AI', en: 'AI in retail and e-commerce', keywords: ['零售', 'retail', '电商', 'e-commerce', '推荐', 'recommendation', '商品', '营销', 'marketing', '用户增长'] },
  { id: 'vertical-ai', zh: '垂直行业 AI 应用', en: 'Vertical and industry AI applications', keywords: ['行业', 'industry', '垂直', 'vertical', '场景', '落地', '金融', '教育', '能源', '零售', '医疗', '制造'] },
  { id: 'search-rec', zh: '搜索与推荐', en: 'Search and recommendation', keywords: ['搜索', 'search', '推荐', 'recommend', '排序', 'ranking', '召回', 'ctr', '个性化', 'personalization'] },
  { id: 'nlp', zh: '自然语言处理', en: 'Natural language processing', keywords: ['自然语言', 'nlp', '翻译', 'translation', '摘要', 'summarization', '文本', 'text', '对话', 'dialogue', '语义'] },
  { id: 'data-engineering', zh: '数据工程与训练数据', en: 'Data engineering and training data', keywords: ['数据构建', '标注', 'annotation', '合成数据', 'synthetic data', '数据质量', 'data quality', '调优数据', '数据集', 'dataset', '清洗'] },
  { id: 'evaluation', zh: '模型评测与质量', en: 'Model evaluation and quality', keywords: ['评测', 'evaluation', 'benchmark', '基准', '幻觉', 'hallucination', '准确率', 'accuracy', '质量', 'quality'] },
  { id: 'open-source', zh: '开源生态', en: 'Open source ecosystems', keywords: ['开源', 'open source', '社区', 'community', '生态', 'ecosystem', '贡献', 'license', '许可证'] },
  { id: 'programming-languages', zh: '编程语言与开发框架', en: 'Programming languages and frameworks', keywords: ['编程语言', 'language', '框架', 'framework', '编译', 'compiler', 'sdk', '类型', 'type', 'dsl', '运行时', 'runtime'] },
  { id: 'hpc', zh: '高性能计算与网络', en: 'High-performance computing and networking', keywords: ['高性能计算', 'hpc', '网络', 'network', 'rdma', 'nvlink', '带宽', 'bandwidth', '通信', '互联', 'interconnect'] },
  { id: 'frontend', zh: '前端与用户体验', en: 'Front end and user experience', keywords: ['前端', 'frontend', 'front-end', 'ui', 'ux', '交互', 'interaction', '浏览器', 'browser', '页面', 'web'] },
  { id: 'mobile', zh: '移动与终端应用', en: 'Mobile and client apps', keywords: ['移动', 'mobile', 'app', 'ios', 'android', '鸿蒙', 'harmonyos', '客户端', 'client'] },
  { id: 'blockchain', zh: '区块链与 Web3', en: 'Blockchain and Web3', keywords: ['区块链', 'blockchain', 'web3', '智能合约', 'smart contract', '加密', 'crypto', '链上'] },
  { id: 'product-management', zh: '产品与协作模式', en: 'Product management and collaboration', keywords: ['产品经理', 'product manager', '协作', 'collaboration', '原型', 'prototype', '需求', 'requirement', '角色', 'role', '团队'] },
];
