// Seeds analysis data through the real service functions, as a user's earlier work would have
// left it in the store: reports, spans, attribute values, relations and places.
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { addDocument, updateDocument } from '../../electron/services/library/documents';
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

  /** Tags the first occurrence of `quote` (after `after`, when given); returns the annotation id. */
  span(labelId: string, quote: string, values?: Record<string, AttributeValue>, after?: string): string {
    const from = after ? this.text.indexOf(after) + after.length : 0;
    const start = this.text.indexOf(quote, from);
    if (start < 0) throw new Error(`not in the text: ${quote}`);
    const { id } = createAnnotation(this.ctx, { documentId: this.documentId, labelId, start, end: start + quote.length });
    if (values) setValues(this.ctx, id, values);
    return id;
  }

  relate(fromId: string, type: 'attributed-to' | 'located-at', toId: string): void {
    createRelation(this.ctx, { typeId: type, fromId, toId });
  }

  place(annotationId: string, lat: number, lon: number, name: string): void {
    resolvePlace(this.ctx, { annotationId, lat, lon, name });
  }
}
