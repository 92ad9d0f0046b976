import { type ToolBridge, wrapUntrusted } from '../../shared/model/index.js';

/**
 * Wraps a tool bridge so that every successful result reaches the model fenced as untrusted data:
 * a session read through `get_session` is note text, and note text is never instructions.
 */
export function untrustedResults(bridge: ToolBridge): ToolBridge {
  return {
    allowed: bridge.allowed,
    listTools: (options) => bridge.listTools(options),
    async call(name, input, options) {
      const result = await bridge.call(name, input, options);
      if (result.isError) return result;
      return { ...result, content: wrapUntrusted(`${name}-result`, result.content) };
    },
  };
}
