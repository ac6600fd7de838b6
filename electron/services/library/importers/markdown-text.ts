// Markdown to plain text: Glossa stores and annotates plain text, so a Markdown report becomes
// paragraphs separated by blank lines. No HTML reaches the text: HTML tokens are dropped, and
// the entities marked leaves in text tokens are decoded.
import { decodeHTML } from 'entities';
import { Lexer, type Token, type Tokens } from 'marked';

interface MarkdownText {
  text: string;
  /** The text of the first heading, if there is one. */
  title: string | null;
}

// YAML front matter, as static-site and note-taking tools write it. Left in, marked would read
// its closing --- as a setext underline and make "title: ..." a heading.
const frontMatter = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function frontMatterTitle(yaml: string): string | null {
  const match = /^title:[ \t]*(.+?)[ \t]*$/m.exec(yaml);
  if (!match) return null;
  const value = match[1]!.replace(/^(["'])(.*)\1$/, '$2').trim();
  return value === '' ? null : value;
}

export function markdownToText(markdown: string): MarkdownText {
  const front = frontMatter.exec(markdown);
  const source = front ? markdown.slice(front[0].length) : markdown;
  const paragraphs: string[] = [];
  let title: string | null = front ? frontMatterTitle(front[1]!) : null;
  const add = (paragraph: string): void => {
    const trimmed = paragraph.trim();
    if (trimmed !== '') paragraphs.push(trimmed);
  };

  const walkBlocks = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const text = inlineText((token as Tokens.Heading).tokens).trim();
          if (title === null && text !== '') title = text;
          add(text);
          break;
        }
        case 'paragraph':
          add(inlineText((token as Tokens.Paragraph).tokens));
          break;
        case 'text': {
          // A block-level text token: the body of a tight list item.
          const t = token as Tokens.Text;
          add(t.tokens ? inlineText(t.tokens) : decodeHTML(t.text));
          break;
        }
        case 'list':
          for (const item of (token as Tokens.List).items) walkBlocks(item.tokens);
          break;
        case 'blockquote':
          walkBlocks((token as Tokens.Blockquote).tokens);
          break;
        case 'code':
          add((token as Tokens.Code).text);
          break;
        case 'table': {
          const table = token as Tokens.Table;
          for (const row of [table.header, ...table.rows]) {
            add(row.map((cell) => inlineText(cell.tokens).trim()).join(' | '));
          }
          break;
        }
        // html, hr, space, def and anything unknown carry no prose.
        default:
          break;
      }
    }
  };

  walkBlocks(new Lexer().lex(source));
  return { text: paragraphs.join('\n\n'), title };
}

function inlineText(tokens: readonly Token[]): string {
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'escape': {
        const t = token as Tokens.Text;
        // A soft line break inside a paragraph reads as a space.
        out += t.tokens ? inlineText(t.tokens) : decodeHTML(t.text).replace(/\n/g, ' ');
        break;
      }
      case 'codespan':
        // marked leaves code literal (it escapes only when rendering HTML).
        out += (token as Tokens.Codespan).text;
        break;
      case 'br':
        out += '\n';
        break;
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
      case 'image': {
        const t = token as Tokens.Strong | Tokens.Em | Tokens.Del | Tokens.Link | Tokens.Image;
        out += t.tokens ? inlineText(t.tokens) : decodeHTML(t.text);
        break;
      }
      // html (inline tags), checkbox and anything unknown add nothing.
      default:
        break;
    }
  }
  return out;
}
