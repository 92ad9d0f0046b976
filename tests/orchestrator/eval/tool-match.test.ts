import { describe, expect, it } from 'vitest';
import { findTool } from '../../../orchestrator/eval/tool-match.js';
import type { Tool } from '../../../shared/schemas/index.js';
import { toSimplified } from '../../../shared/text/index.js';

function tool(name: string, aliases: string[] = []): Tool {
  return {
    id:
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'tool-x',
    name,
    aliases,
    category: 'product',
    description: '',
    trendIds: [],
    sessionIds: ['s'],
    mentions: 1,
  };
}

const find = (label: string, tools: Tool[]) => findTool(label, tools, toSimplified)?.name;

describe('findTool', () => {
  it('finds a label that is a whole word of a catalogue name, and the other way round', () => {
    expect(find('Copilot', [tool('GitHub Copilot')])).toBe('GitHub Copilot');
    expect(find('GitHub Copilot', [tool('Copilot')])).toBe('Copilot');
    expect(find('DlaaS', [tool('腾讯云大数据 DlaaS')])).toBe('腾讯云大数据 DlaaS');
    expect(find('Kafka', [tool('Apache Kafka')])).toBe('Apache Kafka');
  });

  it('finds the same key: case, spaces, script and a generic suffix aside', () => {
    expect(find('DLRover 框架', [tool('DLRover')])).toBe('DLRover');
    expect(find('dlrover', [tool('DLRover')])).toBe('DLRover');
    expect(find('Lang Graph', [tool('LangGraph')])).toBe('LangGraph');
    expect(find('飛槳框架', [tool('飞桨框架')])).toBe('飞桨框架');
    expect(find('Agently', [tool('Agently.tech')])).toBe('Agently.tech');
  });

  it('looks at aliases too', () => {
    expect(find('PaddlePaddle', [tool('飞桨', ['PaddlePaddle', '飛槳'])])).toBe('飞桨');
  });

  it('does not match a name that merely starts with the label (whole words only)', () => {
    expect(find('Spark', [tool('SparkPost')])).toBeUndefined();
    expect(find('Agent', [tool('Agently')])).toBeUndefined();
    expect(find('Go', [tool('Google Cloud')])).toBeUndefined();
    expect(find('MCP', [tool('A2A'), tool('ANP')])).toBeUndefined();
    expect(find('Copilot', [])).toBeUndefined();
  });

  it('does not let a purely Chinese catalogue word match a longer label', () => {
    // "大模型" alone in the catalogue must not count as finding "盘古 大模型".
    expect(find('盘古 大模型', [tool('大模型')])).toBeUndefined();
  });

  it('returns the first matching tool in catalogue order', () => {
    expect(find('Copilot', [tool('Copilot Studio'), tool('GitHub Copilot')])).toBe('Copilot Studio');
  });
});
