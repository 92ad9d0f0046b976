/**
 * The themes of the synthetic corpus: each has its own vocabulary (Simplified Chinese and English),
 * invented tool names (CamelCase, acronym-with-digit and Chinese product names ending in a cue word)
 * and a track, so that a generated note reads like a talk on one topic. The tool names are made up on
 * purpose: no real product is named, and no name collides with a dictionary word.
 */
export interface Theme {
  /** Short slug, used in ids. */
  key: string;
  /** Label of the theme in the labels file (English). */
  name: string;
  track: { zh: string; en: string };
  /** Topic words in Simplified Chinese. */
  zh: readonly string[];
  /** Topic words in English (lowercase unless a proper noun). */
  en: readonly string[];
  /** Invented tool, product and platform names. */
  tools: readonly string[];
}

// Word lists are written one theme per line, separated by "|", to keep the table readable.
const list = (words: string): readonly string[] => words.split('|');

/** Fifteen themes; neighbouring themes (by index) share a little vocabulary in generated notes. */
export const THEMES: readonly Theme[] = [
  {
    key: 'agents',
    name: 'AI agents',
    track: { zh: '智能体实践', en: 'Agents in Practice' },
    zh: list('智能体|多智能体协作|任务规划|工具调用|长期记忆|工作流编排|自主决策|意图识别|反思机制|人机协同'),
    en: list(
      'agent|multi-agent collaboration|task planning|tool calling|long-term memory|workflow orchestration|autonomous decisions|intent routing|reflection loop|human-in-the-loop',
    ),
    tools: list('AgentForge|TaskWeave|MCX-2|灵枢平台|PlanPilot'),
  },
  {
    key: 'inference',
    name: 'LLM inference and serving',
    track: { zh: '大模型推理优化', en: 'LLM Serving' },
    zh: list('推理加速|推测解码|显存优化|批处理调度|量化压缩|首字延迟|吞吐量|模型服务|KV缓存|算子融合'),
    en: list(
      'inference|speculative decoding|memory optimization|continuous batching|quantization|time to first token|throughput|model serving|kv cache|kernel fusion',
    ),
    tools: list('FluxServe|TokenJet|QKV-7|疾风引擎|BatchLane'),
  },
  {
    key: 'rag',
    name: 'Retrieval-augmented generation',
    track: { zh: '检索增强生成', en: 'Retrieval and RAG' },
    zh: list('检索增强|向量检索|知识库|文档切分|重排序|召回率|混合检索|语义索引|知识问答|引用溯源'),
    en: list(
      'retrieval|vector search|knowledge base|document chunking|reranking|recall|hybrid search|semantic index|question answering|citation grounding',
    ),
    tools: list('VectraDB|ChunkSmith|RRX-4|知语平台|RecallKit'),
  },
  {
    key: 'multimodal',
    name: 'Multimodal models',
    track: { zh: '多模态', en: 'Multimodal AI' },
    zh: list('多模态|图像理解|视频生成|语音合成|跨模态对齐|视觉问答|图文检索|数字人|音频理解|文生图'),
    en: list(
      'multimodal|image understanding|video generation|speech synthesis|cross-modal alignment|visual question answering|image-text retrieval|digital humans|audio understanding|text-to-image',
    ),
    tools: list('PixelMind|SonaVox|VQA-3|千象引擎|FrameCraft'),
  },
  {
    key: 'coding',
    name: 'AI for software development',
    track: { zh: 'AI 编程', en: 'AI for Developers' },
    zh: list('代码生成|代码补全|单元测试|代码审查|研发效能|需求拆解|重构|缺陷修复|编程助手|开发者体验'),
    en: list(
      'code generation|code completion|unit tests|code review|developer productivity|requirement breakdown|refactoring|bug fixing|coding assistant|developer experience',
    ),
    tools: list('CodeLoom|PatchBot|DX-9|码舟助手|ReviewLens'),
  },
  {
    key: 'infra',
    name: 'AI infrastructure',
    track: { zh: 'AI 基础设施', en: 'AI Infrastructure' },
    zh: list('算力调度|训练集群|分布式训练|容错恢复|异构计算|资源利用率|弹性伸缩|存储加速|网络拓扑|故障自愈'),
    en: list(
      'compute scheduling|training cluster|distributed training|fault tolerance|heterogeneous compute|utilization|elastic scaling|storage acceleration|network topology|self-healing',
    ),
    tools: list('GridPilot|ElastiTrain|HPX-5|星河平台|CheckpointHub'),
  },
  {
    key: 'data',
    name: 'Data engineering and lakehouse',
    track: { zh: '数据工程', en: 'Data Engineering' },
    zh: list('数据湖|湖仓一体|实时计算|数据治理|元数据管理|数据血缘|流批一体|数据质量|列式存储|查询优化'),
    en: list(
      'data lake|lakehouse|real-time processing|data governance|metadata management|data lineage|unified streaming and batch|data quality|columnar storage|query optimization',
    ),
    tools: list('LakeStream|QueryNova|DQ-360|数澜平台|LineageLens'),
  },
  {
    key: 'safety',
    name: 'AI safety and governance',
    track: { zh: '模型安全', en: 'Trust and Safety' },
    zh: list('模型安全|内容审核|越狱攻击|隐私保护|对齐训练|红队测试|合规审计|幻觉检测|可解释性|数据脱敏'),
    en: list(
      'model safety|content moderation|jailbreak attacks|privacy protection|alignment training|red teaming|compliance audits|hallucination detection|explainability|data masking',
    ),
    tools: list('GuardRailX|SafeProbe|RT-12|清源系统|AuditTrail'),
  },
  {
    key: 'embodied',
    name: 'Embodied intelligence and robotics',
    track: { zh: '具身智能', en: 'Robotics' },
    zh: list('具身智能|机器人|运动控制|仿真训练|灵巧操作|环境感知|强化学习|端到端控制|导航避障|遥操作'),
    en: list(
      'embodied intelligence|robots|motion control|simulation training|dexterous manipulation|perception|reinforcement learning|end-to-end control|navigation|teleoperation',
    ),
    tools: list('RoboNest|SimForge|ARM-6|灵动平台|GraspNet'),
  },
  {
    key: 'edge',
    name: 'On-device and edge AI',
    track: { zh: '端侧智能', en: 'Edge AI' },
    zh: list('端侧推理|边缘计算|模型裁剪|低功耗|离线运行|终端设备|智能硬件|芯片适配|本地部署|轻量模型'),
    en: list(
      'on-device inference|edge computing|model pruning|low power|offline operation|end devices|smart hardware|chip support|local deployment|small models',
    ),
    tools: list('EdgeWave|TinyRun|NPU-8|微光框架|PocketLM'),
  },
  {
    key: 'finance',
    name: 'AI in finance',
    track: { zh: '金融科技', en: 'Fintech' },
    zh: list('智能风控|反欺诈|信贷审批|智能投顾|合规报送|交易监控|客户画像|理财推荐|保险理赔|银行客服'),
    en: list(
      'risk control|fraud detection|credit approval|robo-advisory|regulatory reporting|trade surveillance|customer profiling|wealth recommendations|insurance claims|banking support',
    ),
    tools: list('RiskLens|FinSage|KYC-5|磐石平台|LedgerAI'),
  },
  {
    key: 'health',
    name: 'AI in healthcare',
    track: { zh: '医疗健康', en: 'Health AI' },
    zh: list('医学影像|辅助诊断|电子病历|药物研发|临床试验|健康管理|医患沟通|病理分析|医院信息化|慢病管理'),
    en: list(
      'medical imaging|diagnosis support|electronic health records|drug discovery|clinical trials|health management|patient communication|pathology|hospital systems|chronic care',
    ),
    tools: list('MediScope|CureGraph|EHR-4|岐黄系统|PathoNet'),
  },
  {
    key: 'devops',
    name: 'Cloud native and observability',
    track: { zh: '云原生与可观测性', en: 'Cloud Native' },
    zh: list('云原生|可观测性|容器编排|服务网格|链路追踪|日志分析|告警降噪|故障定位|发布流水线|成本治理'),
    en: list(
      'cloud native|observability|container orchestration|service mesh|distributed tracing|log analytics|alert noise|root cause analysis|release pipelines|cost governance',
    ),
    tools: list('KubeSail|TraceHive|OBS-3|天眼平台|MeshGate'),
  },
  {
    key: 'search',
    name: 'Search and recommendation',
    track: { zh: '搜索与推荐', en: 'Search and Recommendation' },
    zh: list('推荐系统|搜索排序|用户兴趣|召回策略|特征工程|点击率预估|冷启动|个性化|广告投放|在线学习'),
    en: list(
      'recommender systems|search ranking|user interests|candidate retrieval|feature engineering|click-through prediction|cold start|personalization|ad delivery|online learning',
    ),
    tools: list('RankFlow|FeedMind|CTR-8|观澜引擎|SignalBox'),
  },
  {
    key: 'education',
    name: 'AI in education',
    track: { zh: '智慧教育', en: 'Education' },
    zh: list(
      '个性化学习|智能批改|学习路径|知识点图谱|口语陪练|作业辅导|课堂互动|教师助手|学情分析|自适应测评',
    ),
    en: list(
      'personalized learning|automated grading|learning paths|knowledge maps|speaking practice|homework help|classroom engagement|teacher assistant|learning analytics|adaptive assessment',
    ),
    tools: list('TutorLoop|GradeWise|EDU-7|启明大模型|LessonKit'),
  },
];
