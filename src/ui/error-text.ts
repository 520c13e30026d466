/** Longest error text a view shows: an error can quote a whole hostile value. */
export const MAX_ERROR_TEXT = 2000;

/**
 * An error's message as plain text, whatever was thrown: a thrown value may be anything, even an
 * object whose `toString` throws or is not a function, and showing the error must not fail again.
 */
export function errorText(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : (JSON.stringify(error) ?? typeof error);
  } catch {
    text = `A value of type ${typeof error} was thrown.`;
  }
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
}
