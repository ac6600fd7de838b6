// Lines of the annotated-data import report that need wording (pure, unit-tested).
import type { AnnotationImportReport } from '../../../shared/schemas/datasets';

/** "3 Location spans resolved to their GeoNames place · 12 GeoNames references not in the offline gazetteer (kept as normalisations)". */
export function geoNamesSummary(report: Pick<AnnotationImportReport, 'placesFromNormalisations' | 'normalisationsNotInGazetteer'>): string {
  const resolved = report.placesFromNormalisations ?? 0;
  const unknown = report.normalisationsNotInGazetteer ?? 0;
  return [
    resolved > 0 && `${resolved.toLocaleString('en')} Location ${resolved === 1 ? 'span' : 'spans'} resolved to ${resolved === 1 ? 'its' : 'their'} GeoNames place`,
    unknown > 0 && `${unknown.toLocaleString('en')} GeoNames ${unknown === 1 ? 'reference' : 'references'} not in the offline gazetteer (kept as ${unknown === 1 ? 'a normalisation' : 'normalisations'})`,
  ]
    .filter(Boolean)
    .join(' · ');
}
