/**
 * The text without the run of `char` at its end. A loop, because a regex like `/\/+$/` retries
 * the run from every position in it: quadratic, 40k slashes took 3 s.
 */
export function trimEnd(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}
