// Seeds analysis data through the real service functions, as a user's earlier work would have
// left it in the store: reports, spans, attribute values, relations and places.
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { addDocument, getDocument, listDocuments, updateDocument } from '../../electron/services/library/documents';
import { resolvePlace } from '../../electron/services/places/places';
import { createRelation } from '../../electron/services/annotate/relations';
import type { ServiceContext } from '../../electron/services/context';
import type { AttributeValue } from '../../shared/schemas/schema';

export class Seeder {
  constructor(
    readonly ctx: ServiceContext,
    readonly documentId: string,
    readonly text: string,
  ) {}

  static report(ctx: ServiceContext, input: { title: string; text: string; publishedAt?: string; tags?: string[] }): Seeder {
    const added = addDocument(ctx, { title: input.title, text: input.text, outlet: 'Test Wire', publishedAt: input.publishedAt ?? null });
    if (added.status !== 'added') throw new Error(`not added: ${input.title}`);
    if (input.tags) updateDocument(ctx, { id: added.document.id, tags: input.tags });
    return new Seeder(ctx, added.document.id, input.text);
  }

  /** The sample report every new library starts with. */
  static sample(ctx: ServiceContext): Seeder {
    const summary = listDocuments(ctx).find((d) => d.title.startsWith('Rebels claim capture of Dorsk'));
    if (!summary) throw new Error('the sample report is not in the library');
    return new Seeder(ctx, summary.id, getDocument(ctx, summary.id).text);
  }

  /** Tags the first occurrence of `quote` (after `after`, when given); returns the annotation id. */
  span(labelId: string, quote: string, values?: Record<string, AttributeValue>, after?: string): string {
    const from = after ? this.text.indexOf(after) + after.length : 0;
    const start = this.text.indexOf(quote, from);
    if (start < 0) throw new Error(`not in the text: ${quote}`);
    const { id } = createAnnotation(this.ctx, { documentId: this.documentId, labelId, start, end: start + quote.length });
    if (values) setValues(this.ctx, id, values);
    return id;
  }

  /** Tags the first occurrence of each quote, in one transaction (fast for thousands). */
  spans(labelId: string, quotes: string[]): string[] {
    return this.ctx.store.transaction(() => quotes.map((quote) => this.span(labelId, quote)));
  }

  /**
   * Tags a claim with its values, a source (with its kind) it is attributed to, and a location it
   * is located at; each quote's first occurrence after `after`, when given.
   */
  claim(
    quote: string,
    values: Record<string, AttributeValue>,
    links: { source?: { quote: string; kind: string }; location?: string; after?: string } = {},
  ): { claim: string; source?: string; location?: string } {
    const claim = this.span('claim', quote, values, links.after);
    const source = links.source && this.span('source', links.source.quote, { kind: links.source.kind }, links.after);
    const location = links.location === undefined ? undefined : this.span('location', links.location, undefined, links.after);
    if (source) this.relate(claim, 'attributed-to', source);
    if (location) this.relate(claim, 'located-at', location);
    return { claim, source, location };
  }

  relate(fromId: string, type: 'attributed-to' | 'located-at', toId: string): void {
    createRelation(this.ctx, { typeId: type, fromId, toId });
  }

  place(annotationId: string, lat: number, lon: number, name: string): void {
    resolvePlace(this.ctx, { annotationId, lat, lon, name });
  }
}
