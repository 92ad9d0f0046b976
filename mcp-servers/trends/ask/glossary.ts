import { normalizeEnglish } from '../../../shared/text/index.js';

// General technology vocabulary in English and Simplified Chinese, so that a question in one
// language finds reports written in the other. Only common terms of the field: names of products,
// projects and organizations are left out, since they are written alike in both languages.
const PAIRS = `agent:智能体 agents:智能体 multi-agent:多智能体 protocol:协议 inference:推理 reasoning:推理
training:训练 pretraining:预训练 pre-training:预训练 post-training:后训练 fine-tuning:微调 finetuning:微调 cost:成本
costs:成本 latency:延迟 latency:时延 throughput:吞吐 performance:性能 model:模型 models:模型 llm:大模型
data:数据 dataset:数据集 security:安全 safety:安全 privacy:隐私 governance:治理 compliance:合规 retrieval:检索
search:搜索 knowledge:知识 evaluation:评测 evaluation:评估 deployment:部署 edge:边缘 on-device:端侧 device:设备
hardware:硬件 chip:芯片 cluster:集群 storage:存储 database:数据库 cloud:云 migration:迁移 stability:稳定性
reliability:可靠性 efficiency:效率 productivity:效能 programming:编程 coding:编程 code:代码 developer:开发者
testing:测试 multimodal:多模态 image:图像 video:视频 speech:语音 voice:语音 translation:翻译 education:教育
finance:金融 payment:支付 risk:风险 healthcare:医疗 medical:医疗 retail:零售 energy:能源 manufacturing:制造
automation:自动化 workflow:工作流 memory:记忆 context:上下文 cache:缓存 quantization:量化 distillation:蒸馏
reinforcement:强化学习 reward:奖励 math:数学 mathematics:数学 recommendation:推荐 advertising:广告 analytics:分析
observability:可观测性 monitoring:监控 platform:平台 framework:框架 open-source:开源 enterprise:企业
scheduling:调度 optimization:优化 acceleration:加速 scalability:扩展性 ecosystem:生态 standard:标准
interoperability:互操作 hallucination:幻觉 alignment:对齐 benchmark:基准 robot:机器人 embodied:具身 iot:物联网
serving:推理服务 decoding:解码 compression:压缩 architecture:架构 application:应用 scenario:场景 challenge:挑战
customer:客户 service:服务 search:检索 generation:生成 summarization:摘要 podcast:播客 gpu:显卡 tracing:追踪
trace:追踪 real-time:实时 realtime:实时 streaming:流式 upgrade:升级 replication:复制 vector:向量 embedding:向量
analysis:分析 query:查询 index:索引 serverless:无服务器 branching:分支 warehouse:数仓 lakehouse:湖仓 backup:备份
disaster:灾备 failover:故障切换 logging:日志 log:日志 alerting:告警 container:容器 orchestration:编排 network:网络
kernel:内核 compiler:编译器 plugin:插件 api:接口 interface:接口 dashboard:仪表盘 metrics:指标 pipeline:流水线`;

interface Glossary {
  enToZh: Map<string, string[]>;
  zhToEn: Map<string, string[]>;
}

let glossary: Glossary | undefined;

function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

function load(): Glossary {
  const enToZh = new Map<string, string[]>();
  const zhToEn = new Map<string, string[]>();
  for (const pair of PAIRS.split(/\s+/).filter(Boolean)) {
    const [en, zh] = pair.split(':');
    if (!en || !zh) continue;
    add(enToZh, normalizeEnglish(en), zh);
    add(zhToEn, zh, en);
  }
  return { enToZh, zhToEn };
}

/**
 * Translations of a normalized term (an English stem or a Simplified Chinese word): Chinese words
 * for an English term, English words (as written, to be normalized by the caller) for a Chinese one.
 */
export function translations(term: string): string[] {
  glossary ??= load();
  return glossary.enToZh.get(term) ?? glossary.zhToEn.get(term) ?? [];
}
