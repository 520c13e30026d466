import { describe, expect, it } from 'vitest';
import { parseJsonBody } from './json-body.ts';

describe('parseJsonBody', () => {
  it('parses a JSON document', () => {
    expect(parseJsonBody('{"issuer":"https://as"}', 'application/json; charset=utf-8')).toEqual({
      ok: true,
      value: { issuer: 'https://as' },
    });
  });

  it('parses JSON served with a wrong or missing content type, without complaint', () => {
    expect(parseJsonBody('{"a":1}', 'text/plain')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody('{"a":1}', 'text/html')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody('[1,2]', null)).toEqual({ ok: true, value: [1, 2] });
  });

  it('tolerates a byte order mark and surrounding whitespace', () => {
    expect(parseJsonBody('\uFEFF {"a":1}\n', 'application/json')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('reports an empty body', () => {
    const expected = { ok: false, reason: 'empty', detail: 'The response body is empty; a JSON document was expected.' };
    expect(parseJsonBody('', 'application/json')).toEqual(expected);
    expect(parseJsonBody(' \r\n\t', null)).toEqual(expected);
    expect(parseJsonBody('\uFEFF', null)).toEqual(expected);
  });

  it('recognises an HTML page by its start, whatever the content type', () => {
    const page = '\n  <!DOCTYPE html>\n<html lang="en">\n  <head><title>Sign in</title></head><body>Please log in</body></html>';
    expect(parseJsonBody(page, 'application/json')).toEqual({
      ok: false,
      reason: 'html',
      detail: 'The response is an HTML page, not JSON; it begins: <!DOCTYPE html> <html lang="en"> <head><title>Sign in</title></head><body>Please…',
    });
    expect(parseJsonBody('<html><body>x</body></html>', null)).toEqual({
      ok: false,
      reason: 'html',
      detail: 'The response is an HTML page, not JSON; it begins: <html><body>x</body></html>',
    });
  });

  it('recognises HTML by its content type', () => {
    expect(parseJsonBody('<div>Not found</div>', 'Text/HTML; charset=UTF-8')).toEqual({
      ok: false,
      reason: 'html',
      detail: 'The response is an HTML page, not JSON; it begins: <div>Not found</div>',
    });
  });

  it('reports other non-JSON bodies with their type and start', () => {
    expect(parseJsonBody('Unauthorized', 'text/plain; charset=utf-8')).toEqual({
      ok: false,
      reason: 'not-json',
      detail: 'The response body is not valid JSON (served as text/plain); it begins: Unauthorized',
    });
    expect(parseJsonBody('{"issuer": "https://as",', null)).toEqual({
      ok: false,
      reason: 'not-json',
      detail: 'The response body is not valid JSON (served without a content type); it begins: {"issuer": "https://as",',
    });
  });

  it('cuts the preview at 80 characters and keeps control characters out of it', () => {
    const result = parseJsonBody(`oops\u0000\u001b[31m${'x'.repeat(200)}`, 'text/plain');
    expect(result).toEqual({
      ok: false,
      reason: 'not-json',
      detail: `The response body is not valid JSON (served as text/plain); it begins: oops [31m${'x'.repeat(71)}…`,
    });
  });
});
