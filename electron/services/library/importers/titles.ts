// A title for a report that names none (text files, and pages or documents without metadata):
// what a person would write on the folder. A short first line is a headline; a long one is a
// lede, so its first sentence is used, without a wire dateline, and shortened at a word.
import path from 'node:path';

const headlineLength = 120;
const shortenedLength = 100;
/** A first line with no sentence end this early is not prose (a list, a table row, a code). */
const sentenceSearch = 300;

// "DAMASCUS, March 14 (Reuters) - ", "ALEPPO, Syria — ", "KYIV (AP) – ": a city in capitals,
// optionally a date or country, optionally an agency, then a dash.
const dateline = /^[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}(?:,[^()\n–—-]{1,40})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]+\s+/u;

function firstSentence(line: string): string | null {
  const end = /[.!?…](?=["”’»)]?(?:\s|$))/u.exec(line.slice(0, sentenceSearch));
  return end ? line.slice(0, end.index + 1).trim() : null;
}

function shortened(sentence: string): string {
  if (sentence.length <= headlineLength) return sentence;
  const cut = sentence.slice(0, shortenedLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}

export function titleFromText(text: string, fileName: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  // A dateline on a line of its own ("KESTRAVA, March 14 (Reuters) -") is not a title: the story starts below it.
  const firstLine = (lines[0] !== undefined && `${lines[0]} x`.replace(dateline, '') === 'x' ? lines[1] : lines[0]) ?? '';
  if (firstLine !== '' && firstLine.length <= headlineLength) return firstLine;
  const sentence = firstSentence(firstLine.replace(dateline, ''));
  if (sentence && sentence.length > 10) return shortened(sentence);
  return path.basename(fileName, path.extname(fileName)) || 'Untitled';
}
