/** Scopes the demo authorization server issues for the demo MCP server. */
export const MCP_TOOLS_SCOPE = 'mcp:tools';

/** Extra scope that only the `admin_report` tool needs (the step-up feature). */
export const MCP_ADMIN_SCOPE = 'mcp:admin';

export const MCP_RESOURCE_SCOPES = [MCP_TOOLS_SCOPE, MCP_ADMIN_SCOPE] as const;
