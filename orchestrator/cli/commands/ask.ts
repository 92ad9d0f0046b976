import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { type Command, Option } from 'commander';
import {
  type Answer,
  type AnswerFact,
  type AskResult,
  answerFromPack,
  DEFAULT_ASK_BUDGET,
  MAX_ASK_BUDGET,
  MIN_ASK_BUDGET,
  renderAskResult,
  renderFollowUp,
} from '../../../mcp-servers/trends/ask/index.js';
import { createTrendClient, type TrendClient } from '../../../mcp-servers/trends/client/index.js';
import { createServer, ReportCache } from '../../../mcp-servers/trends/index.js';
import { setting } from '../../../shared/config.js';
import { ConfigError, ModelError } from '../../../shared/errors.js';
import { createLogger, type Logger } from '../../../shared/logger.js';
import { createAnthropicModel } from '../../../shared/model/index.js';
import { openStore } from '../../../shared/store/index.js';
import { resolveEngine } from '../../pipeline/engine.js';

interface AskCommandOptions {
  report?: string;
  store?: string;
  json?: boolean;
  budget?: string;
  engine?: string;
  model?: string;
  logLevel?: string;
}

/** Exact follow-ups run for the printed answer (a chat host's model would call them itself). */
const MAX_FACTS = 3;

function parseBudget(value: string | undefined): number {
  if (value === undefined) return DEFAULT_ASK_BUDGET;
  const n = Number(value);
  if (!Number.isInteger(n) || n < MIN_ASK_BUDGET || n > MAX_ASK_BUDGET) {
    throw new ConfigError('config.invalid', `invalid value ${JSON.stringify(value)} for option --budget`, {
      hint: `use a whole number of tokens from ${MIN_ASK_BUDGET} to ${MAX_ASK_BUDGET}`,
    });
  }
  return n;
}

/** The trend server in-process, read-only, behind the typed client. */
async function openTrendClient(storeUrl: string, logger: Logger): Promise<TrendClient> {
  const store = await openStore(storeUrl, { role: 'cli', logger });
  const reports = new ReportCache({ store, logger });
  const server = createServer({ store, writable: false, logger, reports });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client({ name: 'trendscope-ask', version: '1.0.0' });
  await client.connect(clientTransport);
  return createTrendClient(client, {
    target: `the trend store ${store.location}`,
    async onClose() {
      await server.close();
      await reports.close();
      await store.close();
    },
  });
}

async function exactFacts(
  trend: TrendClient,
  pack: AskResult,
  logger: Logger,
): Promise<Array<AnswerFact & { text: string }>> {
  const facts: Array<AnswerFact & { text: string }> = [];
  for (const followUp of pack.followUps.filter((f) => f.exact).slice(0, MAX_FACTS)) {
    try {
      const outcome = await trend.followUp(followUp);
      facts.push({
        tool: outcome.tool,
        arguments: outcome.arguments,
        output: outcome.output,
        text: outcome.text,
      });
    } catch (error) {
      logger.warn(`follow-up ${renderFollowUp(followUp)} failed: ${(error as Error).message}`);
    }
  }
  return facts;
}

function renderText(
  pack: AskResult,
  facts: Array<AnswerFact & { text: string }>,
  answer: Answer | undefined,
): string {
  const parts: string[] = [];
  if (answer) {
    const cites = [...answer.citedClaimIds, ...answer.citedSessionIds];
    parts.push(
      answer.supported
        ? `Answer:\n${answer.answer}\n(cites: ${cites.join(', ')})`
        : `The evidence does not support an answer.\n${answer.answer}`,
    );
    parts.push('');
  }
  parts.push(renderAskResult(pack));
  for (const fact of facts) {
    parts.push('');
    parts.push(`Exact answer — ${fact.tool} ${JSON.stringify(fact.arguments)}:`);
    parts.push(fact.text);
  }
  return `${parts.join('\n')}\n`;
}

/** Adds `trendscope ask "<question>"`: the report's evidence for a question, and an answer with Claude. */
export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('Answer a question from the trend report: matching trends, cited claims, tools and sessions')
    .argument('<question>', 'the question, in Chinese (either script) or English')
    .option('--report <id>', 'report id (default: the latest published report)')
    .option('--store <url>', 'trend store, file:DIR or redis://… (env TRENDSCOPE_STORE)')
    .option('--json', 'print the evidence pack (and the answer) as JSON')
    .option(
      '--budget <tokens>',
      `size of the evidence pack (${MIN_ASK_BUDGET}–${MAX_ASK_BUDGET}, default ${DEFAULT_ASK_BUDGET})`,
    )
    .addOption(
      new Option(
        '--engine <engine>',
        'auto | offline | claude: claude also writes an answer (env TRENDSCOPE_ENGINE)',
      ),
    )
    .option('--model <id>', 'Claude model of the answer (env TRENDSCOPE_MODEL_ASK)')
    .option('--log-level <level>', 'debug | info | warn | error | silent (env TRENDSCOPE_LOG_LEVEL)')
    .action(async (question: string, options: AskCommandOptions) => {
      const logger = createLogger({ level: setting('logLevel', options.logLevel), scope: 'ask' });
      const budget = parseBudget(options.budget);
      const engine = resolveEngine(setting('engine', options.engine), process.env);
      if (question.trim() === '') throw new ConfigError('ask.empty', 'the question is empty');
      const trend = await openTrendClient(setting('store', options.store), logger);
      try {
        const pack = await trend.ask({ question, report: options.report ?? 'latest', budget });
        const facts = await exactFacts(trend, pack, logger);
        let answer: Answer | undefined;
        if (engine === 'claude' && (pack.supported || facts.length > 0)) {
          const baseURL = setting('anthropicBaseUrl');
          const model = await createAnthropicModel({
            apiKey: setting('anthropicApiKey'),
            ...(baseURL ? { baseURL } : {}),
            logger: logger.child('model'),
            ...(options.model ? { roleModels: { ask: options.model } } : {}),
          });
          try {
            answer = await answerFromPack({ model, pack, facts, logger });
          } catch (error) {
            if (!(error instanceof ModelError && error.code === 'model.invalid_output')) throw error;
            logger.error(
              `no answer: the model kept citing evidence that is not in the pack (${error.message})`,
            );
            process.exitCode = 1;
          }
        }
        if (options.json) {
          const exact = facts.map(({ text: _text, ...fact }) => fact);
          const out = {
            ...pack,
            ...(exact.length > 0 ? { facts: exact } : {}),
            ...(answer ? { answer } : {}),
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        } else {
          process.stdout.write(renderText(pack, facts, answer));
        }
      } finally {
        await trend.close();
      }
    });
}
