// An officer's or requester's free text goes into emails as plain paragraphs: the layout escapes
// them, and splitting on line breaks keeps the writer's structure without trusting any markup.
export function freeTextParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/[\t\v\f\r ]+/g, ' ').trim())
    .filter((line) => line.length > 0);
}
