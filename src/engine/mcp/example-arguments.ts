/**
 * A starting point for a tool's arguments, from its JSON Schema: defaults and examples where the
 * schema gives them, otherwise an empty value of the right type. Required properties first.
 */
export function exampleArguments(schema: unknown): Record<string, unknown> {
  const value = exampleValue(schema, 0);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function exampleValue(schema: unknown, depth: number): unknown {
  if (!schema || typeof schema !== 'object' || depth > 5) return null;
  const node = schema as Record<string, unknown>;
  if ('default' in node) return node.default;
  if (Array.isArray(node.examples) && node.examples.length) return node.examples[0];
  if (Array.isArray(node.enum) && node.enum.length) return node.enum[0];
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
    case undefined: {
      const properties = node.properties && typeof node.properties === 'object' ? (node.properties as Record<string, unknown>) : {};
      const required = new Set(Array.isArray(node.required) ? node.required : []);
      const names = Object.keys(properties).sort((a, b) => Number(required.has(b)) - Number(required.has(a)));
      return Object.fromEntries(names.map((name) => [name, exampleValue(properties[name], depth + 1)]));
    }
    default:
      return null;
  }
}
