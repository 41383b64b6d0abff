/**
 * Text from data set into Markdown stays text. A value like `[klicka](http://…)`, `*x*` or `<b>` in a
 * data file is what the data says, not markup: it is escaped where it enters a chapter, so that the
 * chapter file, the HTML and the PDF all show it as written. Only characters that start markup are
 * escaped, so ordinary values (parentheses, hyphens, "inkl.") read in the chapter files as before.
 */
export function markdownText(value: string): string {
  return (
    value
      // A line break inside a value could start a heading or a list on the next line.
      .replace(/\s*[\r\n]+\s*/g, " ")
      .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
      // An entity (`&lt;`, `&#60;`) would be decoded; the ampersand is kept literal.
      .replace(/&(?=#?\w+;)/g, "\\&")
      // At the start of a line these begin a heading, quote, list or rule.
      .replace(/^([#+=-])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2")
  );
}
