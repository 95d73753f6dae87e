/**
 * Parses the text of a JSON file. A UTF-8 byte order mark at the start (which Windows editors
 * write, and `JSON.parse` refuses) is skipped: RFC 8259 §8.1 lets a parser ignore it.
 *
 * @throws SyntaxError when the text is not JSON (callers turn it into `invalid_json`)
 * @internal
 */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
}
