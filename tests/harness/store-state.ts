// What the store holds, read through the channels the renderer uses (the real dispatcher and its
// validation), so that tests check saved state without knowing the tables behind it.
import type { ResultOf } from '../../shared/contract';
import type { Call } from './harness';

type DocumentSummary = ResultOf<'documents.list'>[number];
type Annotation = ResultOf<'annotations.list'>[number];
type Relation = ResultOf<'relations.listForDocument'>[number];
type Label = ResultOf<'labels.list'>[number];
type LabelAttribute = ResultOf<'attributes.list'>[number];
type AttributeValues = ResultOf<'annotations.getAttributes'>;
type Place = ResultOf<'places.get'>;

export class StoreState {
  constructor(private readonly call: Call) {}

  documents(): Promise<DocumentSummary[]> {
    return this.call('documents.list', {});
  }

  async documentCount(): Promise<number> {
    return (await this.documents()).length;
  }

  /** Every annotation in the library. */
  async annotations(): Promise<Annotation[]> {
    const perDocument = await Promise.all((await this.documents()).map((d) => this.call('annotations.list', { documentId: d.id })));
    return perDocument.flat();
  }

  async annotationCount(): Promise<number> {
    return (await this.annotations()).length;
  }

  /** The one annotation whose quote is exactly `quote`. */
  async annotation(quote: string): Promise<Annotation> {
    const found = (await this.annotations()).filter((a) => a.quote === quote);
    if (found.length !== 1) throw new Error(`${found.length} annotations quote “${quote}”`);
    return found[0]!;
  }

  /** Every relation in the library. */
  async relations(): Promise<Relation[]> {
    const perDocument = await Promise.all((await this.documents()).map((d) => this.call('relations.listForDocument', { documentId: d.id })));
    return perDocument.flat();
  }

  /** In the schema's order. */
  labels(): Promise<Label[]> {
    return this.call('labels.list', {});
  }

  attributes(labelId: string): Promise<LabelAttribute[]> {
    return this.call('attributes.list', { labelId });
  }

  attributeValues(annotationId: string): Promise<AttributeValues> {
    return this.call('annotations.getAttributes', { annotationId });
  }

  place(annotationId: string): Promise<Place> {
    return this.call('places.get', { annotationId });
  }
}
