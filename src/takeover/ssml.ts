import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Why `content` is not well-formed SSML, or undefined when it is. */
export function ssmlProblem(content: string): string | undefined {
  const result = XMLValidator.validate(content);
  if (result !== true) {
    return `is not well-formed SSML: ${result.err.msg} (line ${result.err.line}, column ${result.err.col})`;
  }
  const document = new XMLParser({ ignoreDeclaration: true }).parse(content) as Record<string, unknown>;
  const roots = Object.keys(document);
  if (roots.length !== 1 || roots[0] !== 'speak') {
    return 'is not SSML: the document must have a single <speak> root element';
  }
  return undefined;
}
