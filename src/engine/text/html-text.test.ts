import { describe, expect, it } from 'vitest';
import { htmlText } from './html-text.ts';

describe('htmlText: the words on an error page, as text', () => {
  it('keeps the words of a gateway’s sign-in page and drops markup, scripts, styles and comments', () => {
    const page =
      '<!doctype html><html><head><title>Access denied</title><style>body{font:12px}</style>' +
      '<script>window.location="/login?next="+encodeURIComponent(location)</script></head>' +
      '<body><!-- edge 12 --><h1>401&nbsp;Unauthorized</h1><p>Sign in to <b>corp-gateway</b> &amp; try again.</p></body></html>';
    expect(htmlText(page, 200)).toBe('Access denied 401 Unauthorized Sign in to corp-gateway & try again.');
  });

  it('decodes markup written as entities into text, which stays text', () => {
    expect(htmlText('<p>&lt;script&gt;alert(1)&lt;/script&gt; &#65;&#x42;</p>', 200)).toBe('<script>alert(1)</script> AB');
  });

  it('stops at an unterminated tag and at an unclosed script', () => {
    expect(htmlText('Denied <a href="x', 200)).toBe('Denied');
    expect(htmlText('Denied<script>never closed', 200)).toBe('Denied');
  });

  it('reads only about what it will show from a long page', () => {
    const text = htmlText(`<p>${'word '.repeat(100_000)}</p>`, 100);
    expect(text.length).toBeLessThan(1_000);
  });

  it('turns a character reference to a surrogate into U+FFFD, as a browser does, so no lone surrogate comes out', () => {
    const text = htmlText('<p>a&#xD800;b&#55296;c&#xDFFF;d</p>', 100);
    expect(text).toBe('a\ufffdb\ufffdc\ufffdd');
    expect(text).not.toMatch(/[\uD800-\uDFFF]/);
  });
});
