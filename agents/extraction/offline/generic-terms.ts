/**
 * Generic technology words that are never catalogue entries, whatever their casing: they name a
 * field or a concept, not a tool. Compared lowercased (English) or in Simplified Chinese.
 */
const GENERIC_EN =
  `ai agi ml dl nlp cv llm llms slm mllm lmm vlm gpt gpts genai aigc agent agents agentic rag graphrag
token tokens prompt prompts embedding embeddings transformer transformers gpu gpus cpu cpus npu tpu api apis sdk sdks ide
http https json yaml xml html css sql nosql rest grpc url uri ui ux os app apps saas paas iaas faas k v kv qps tps rps sla
slo sli roi kpi okr ceo cto cfo vp pm b2b b2c c2c iot aiot ar vr xr mr ocr asr tts nlu nlg rl rlhf sft dpo ppo lora moe
cot pb tb gb mb kb ms fps p99 p95 p50 etl elt olap oltp bi erp crm hr it ops devops mlops llmops aiops dataops finops
cicd ci cd qa pr mr poc mvp gtm ab a/b id ids uuid ip tcp udp dns cdn vpc vm vms ssd hdd ram io fp16 fp8 int8 int4 bf16
cuda simd dag faq diy tob toc 2b 2c kv-cache q&a chatbot copilot-like multi-agent multimodal serverless cloud edge
workflow workflows pipeline pipelines dashboard data model models framework frameworks platform platforms tool tools
engine database databases cluster clusters node nodes service services server servers system systems open source
opensource the and for with from into our we you they this that these those its it is are was were be been has have
had will would can could should may might must also not but or if then than so such as at by on in of to a an all any
each every more most less other new old first last next one two three four five six seven eight nine ten vs via per
etc e.g i.e mr mrs ms dr prof inc ltd co corp llc january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday q1 q2 q3 q4 h1 h2 yes no ok demo step
part section summary introduction conclusion background overview agenda slide slides talk keynote session speaker
takeaways lessons notes note key why how what when where who which csv tsv pdf ddl dml iops tls ssl jvm wal hcl ann knn
hnsw ttl lru orm mvcc acid cdc oom gc sso rbac iam prd rpa rpo rto dsl dsls sop sops olap oltp nl2sql text2sql pv uv dau
mau gmv arr mrr ctr cvr ltv cac nps sdk ops cache card task tasks lint tab web gateway memory planner router reviewer
artifact artifacts collector profiling streaming migration migrations operator operators controller scheduler worker
workers agent-to-agent leader follower replica replicas shard shards index indexes query queries table tables schema
schemas snapshot snapshots checkpoint checkpoints backup backups failover rollout rollback canary release deploy build
test tests trace traces span spans log logs metric metrics alert alerts event events message messages queue queues topic
topics stream streams batch batches job jobs function functions plugin plugins extension extensions module modules
select insert update delete join where group order limit final full pause resume create drop alter grant vacuum analyze
explain commit begin`.split(/\s+/);

const GENERIC_ZH =
  `人工智能 大模型 大语言模型 语言模型 模型 智能体 智能代理 代理 多智能体 平台 框架 引擎 协议 系统 工具 产品 服务
应用 方案 解决方案 技术 算法 数据 数据集 开源 开源项目 项目 芯片 硬件 设备 眼镜 推理 训练 微调 部署 架构 基础设施 云 云原生
数据库 数据湖 向量数据库 知识库 知识图谱 检索增强生成 多模态 端侧 生成式 通用 自研 内部 我们 公司 团队 业务 行业 企业
新一代 下一代 整体 核心 关键 主流 传统 现有 统一 分布式 大规模 高性能 智能 自动化 标准 开放 私有 公有 混合 本地`.split(
    /\s+/,
  );

/** Generic phrases of more than one word (the lists above are split on white space). */
const GENERIC_PHRASES = [
  'open source',
  'use case',
  'use cases',
  'best practice',
  'best practices',
  'machine learning',
  'deep learning',
  'large language model',
  'large language models',
  'language model',
  'foundation model',
  'ai agent',
  'ai agents',
  'vector database',
  'knowledge base',
  'knowledge graph',
  'data lake',
  'cloud native',
  'real time',
  'function calling',
  'coding agent',
  'coding agents',
  'multi agent',
];

const GENERIC = new Set([...GENERIC_EN, ...GENERIC_ZH, ...GENERIC_PHRASES].filter(Boolean));

/** True when a candidate name is a generic technology word (after lowercasing and trimming). */
export function isGenericTerm(name: string): boolean {
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
  if (GENERIC.has(key)) return true;
  // Plural or possessive forms of generic words ("Agents", "LLM's").
  const base = key.replace(/('s|s)$/, '');
  return base !== key && GENERIC.has(base);
}
