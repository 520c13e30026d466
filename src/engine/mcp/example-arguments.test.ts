import { describe, expect, it } from 'vitest';
import { exampleArguments } from './example-arguments.ts';

describe('example arguments from an input schema', () => {
  it('fills each property with its default, example or an empty value of its type, required first', () => {
    const schema = {
      type: 'object',
      properties: {
        verbose: { type: 'boolean' },
        message: { type: 'string' },
        count: { type: 'integer', default: 3 },
        mode: { type: 'string', enum: ['fast', 'slow'] },
        tags: { type: 'array', items: { type: 'string' } },
        nested: { type: 'object', properties: { a: { type: 'number' } } },
      },
      required: ['message'],
    };
    const example = exampleArguments(schema);
    expect(example).toEqual({ message: '', verbose: false, count: 3, mode: 'fast', tags: [], nested: { a: 0 } });
    expect(Object.keys(example)[0]).toBe('message');
  });

  it('gives an empty object for a missing or hostile schema', () => {
    expect(exampleArguments(undefined)).toEqual({});
    expect(exampleArguments({ type: 'string' })).toEqual({});
    const loop: Record<string, unknown> = { type: 'object', properties: {} };
    (loop.properties as Record<string, unknown>).self = loop;
    expect(() => exampleArguments(loop)).not.toThrow();
  });
});
