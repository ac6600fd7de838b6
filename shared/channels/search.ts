// Corpus search over reports and annotations (FTS5), brat's two consistency reports, and tagging
// the hits of a search across reports.
// Shapes: ../schemas/search.ts. A query that cannot be read fails with INVALID_ARGS and a
// message saying what is wrong.
import * as S from '../schemas/search';

export const searchChannels = {
  'search.query': { args: S.SearchQuery, result: S.SearchResults },
  'search.consistency': { args: S.ConsistencyQuery, result: S.ConsistencyReport },
  /** Tags every hit of a search (or the ones given) with a label in one transaction; already tagged ones are skipped. */
  'search.tagHits': { args: S.TagHits, result: S.TaggedHits },
} as const;
