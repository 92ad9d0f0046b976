/** Version the MCP servers announce (kept equal to package.json). */
export const SERVER_VERSION = '0.1.0';
