import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelError } from '../../../shared/errors.js';
import { createAnthropicModel } from '../../../shared/model/anthropic.js';
import { createScriptedModel, textReply, toolUseReply } from '../../../shared/model/scripted.js';
import { outputToolDefinition, runStructured } from '../../../shared/model/structured.js';
import type { ToolBridge } from '../../../shared/model/tool-bridge.js';
import type { ModelRequest, ToolResultBlock } from '../../../shared/model/types.js';
import { UsageMeter } from '../../../shared/model/usage-meter.js';
import { type FakeAnthropic, startFakeAnthropic, toolUseMessage } from '../../helpers/fake-anthropic.js';

const SummarySchema = z.object({
  summary: z.string().min(1).describe('One paragraph'),
  keyPoints: z.array(z.string().min(1)).min(1).max(3),
});
const output = { name: 'submit_summary', description: 'Submit the summary', schema: SummarySchema };
const good = { summary: 'Agents are moving to production.', keyPoints: ['MCP adoption'] };

function lastToolResults(request: ModelRequest | undefined): ToolResultBlock[] {
  const last = request?.messages.at(-1);
  if (!last || typeof last.content === 'string') return [];
  return last.content.filter((b): b is ToolResultBlock => b.type === 'tool_result');
}

/** A bridge that records calls; its listTools misbehaves on purpose by listing a tool it does not allow. */
function recordingBridge(): ToolBridge & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    allowed: new Set(['search_sessions']),
    listTools: async () => [
      {
        name: 'search_sessions',
        description: 'Search sessions',
        inputSchema: { type: 'object', properties: {} },
      },
      {
        name: 'delete_report',
        description: 'Delete a report',
        inputSchema: { type: 'object', properties: {} },
      },
    ],
    call: async (name) => {
      calls.push(name);
      return { content: `results of ${name}`, isError: false };
    },
  };
}

describe('runStructured', () => {
  it('forces the output tool when there are no other tools and returns the parsed answer', async () => {
    const model = createScriptedModel([toolUseReply('submit_summary', good)]);
    const result = await runStructured({
      model,
      role: 'extraction',
      agent: 'extraction',
      system: 'S',
      user: 'U',
      output,
    });
    expect(result.output).toEqual(good);
    expect(result.turns).toBe(1);
    expect(model.requests[0]?.toolChoice).toEqual({ type: 'tool', name: 'submit_summary' });
    expect(model.requests[0]?.tools?.map((t) => t.name)).toEqual(['submit_summary']);
    expect(model.requests[0]?.system.at(-1)?.text).toMatch(/untrusted/);
  });

  it('repairs an invalid answer in one turn, quoting the validation errors', async () => {
    const model = createScriptedModel([
      toolUseReply('submit_summary', { summary: '', keyPoints: ['a', 'b', 'c', 'd'] }),
      toolUseReply('submit_summary', good),
    ]);
    const result = await runStructured({
      model,
      role: 'extraction',
      agent: 'extraction',
      system: 'S',
      user: 'U',
      output,
    });
    expect(result.output).toEqual(good);
    expect(result.repairs).toBe(1);
    expect(model.requests).toHaveLength(2);
    const [repair] = lastToolResults(model.requests[1]);
    expect(repair?.isError).toBe(true);
    expect(repair?.content).toContain('summary');
    expect(repair?.content).toContain('keyPoints');
    expect(model.requests[1]?.toolChoice).toEqual({ type: 'tool', name: 'submit_summary' });
  });

  it('fails with a ModelError when the answer cannot be repaired', async () => {
    const bad = () => toolUseReply('submit_summary', { summary: 42 });
    const model = createScriptedModel([bad(), bad(), bad(), bad()]);
    const error = await runStructured({
      model,
      role: 'extraction',
      agent: 'extraction',
      system: 'S',
      user: 'U',
      output,
      repairTurns: 2,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe('model.invalid_output');
    expect(model.requests).toHaveLength(3);
  });

  it('refuses a tool outside the allow-list without running it', async () => {
    const bridge = recordingBridge();
    const model = createScriptedModel([
      {
        content: [
          { type: 'tool_use', id: 'u1', name: 'delete_report', input: {} },
          { type: 'tool_use', id: 'u2', name: 'search_sessions', input: { query: 'agents' } },
        ],
      },
      toolUseReply('submit_summary', good),
    ]);
    const result = await runStructured({
      model,
      role: 'writing',
      agent: 'writing',
      system: 'S',
      user: 'U',
      tools: bridge,
      output,
    });
    expect(result.output).toEqual(good);
    expect(bridge.calls).toEqual(['search_sessions']);
    expect(result.refusedTools).toEqual(['delete_report']);
    expect(result.toolCalls).toBe(1);
    expect(model.requests[0]?.tools?.map((t) => t.name)).toEqual(['search_sessions', 'submit_summary']);
    expect(model.requests[0]?.toolChoice).toEqual({ type: 'auto' });
    const [refused, ran] = lastToolResults(model.requests[1]);
    expect(refused).toMatchObject({ toolUseId: 'u1', isError: true });
    expect(refused?.content).toMatch(/not available/);
    expect(ran).toEqual({ type: 'tool_result', toolUseId: 'u2', content: 'results of search_sessions' });
  });

  it('forces the output tool on the last turn', async () => {
    const bridge = recordingBridge();
    const model = createScriptedModel([
      toolUseReply('search_sessions', { query: 'a' }),
      toolUseReply('search_sessions', { query: 'b' }),
      toolUseReply('submit_summary', good),
    ]);
    await runStructured({
      model,
      role: 'writing',
      agent: 'w',
      system: 'S',
      user: 'U',
      tools: bridge,
      output,
      maxTurns: 3,
    });
    expect(model.requests.map((r) => r.toolChoice?.type)).toEqual(['auto', 'auto', 'tool']);
  });

  it('nudges a text-only answer towards the output tool', async () => {
    const model = createScriptedModel([
      textReply('Here is my summary…'),
      toolUseReply('submit_summary', good),
    ]);
    const result = await runStructured({
      model,
      role: 'writing',
      agent: 'w',
      system: 'S',
      user: 'U',
      tools: recordingBridge(),
      output,
    });
    expect(result.output).toEqual(good);
    expect(result.repairs).toBe(0);
    expect(model.requests[1]?.messages.at(-1)?.content).toMatch(/Call the `submit_summary` tool/);
    expect(model.requests[1]?.toolChoice).toEqual({ type: 'tool', name: 'submit_summary' });
  });

  it('meters every turn under the agent name', async () => {
    const usage = { inputTokens: 100, outputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0 };
    const model = createScriptedModel([
      toolUseReply('submit_summary', { summary: '' }, { usage }),
      toolUseReply('submit_summary', good, { usage }),
    ]);
    const meter = new UsageMeter();
    const result = await runStructured({
      model,
      role: 'ask',
      agent: 'ask',
      system: 'S',
      user: 'U',
      output,
      meter,
    });
    expect(result.usage.inputTokens).toBe(200);
    expect(meter.entries()).toEqual([
      expect.objectContaining({
        agent: 'ask',
        model: 'claude-haiku-4-5',
        calls: 2,
        inputTokens: 200,
        outputTokens: 20,
      }),
    ]);
  });

  it('rejects an output schema that is not an object', () => {
    expect(() => outputToolDefinition({ name: 'x', description: 'x', schema: z.array(z.string()) })).toThrow(
      ModelError,
    );
  });
});

describe('runStructured through the real SDK', () => {
  let fake: FakeAnthropic | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('repairs schema-breaking tool input sent by the API', async () => {
    fake = await startFakeAnthropic({
      script: [
        toolUseMessage('submit_summary', { summary: 'ok', keyPoints: [] }, undefined, 'toolu_bad'),
        toolUseMessage('submit_summary', good),
      ],
    });
    const model = await createAnthropicModel({ apiKey: 'test-key', baseURL: fake.url, env: {} });
    const result = await runStructured({
      model,
      role: 'extraction',
      agent: 'extraction',
      system: 'S',
      user: 'U',
      output,
    });
    expect(result.output).toEqual(good);
    const second = fake.requestsTo('/v1/messages')[1]?.body as {
      messages: { role: string; content: unknown }[];
    };
    expect(second.messages.at(-1)).toMatchObject({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'toolu_bad', is_error: true }],
    });
    const first = fake.requestsTo('/v1/messages')[0]?.body as {
      tools: { name: string; input_schema: unknown }[];
    };
    expect(first.tools[0]?.input_schema).toMatchObject({
      type: 'object',
      required: ['summary', 'keyPoints'],
    });
  });
});
