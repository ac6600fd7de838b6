// Corpus search over reports and annotations (FTS5), and brat's two consistency reports.
// Shapes: ../schemas/search.ts. A query that cannot be read fails with INVALID_ARGS and a
// message saying what is wrong.
import * as S from '../schemas/search';

export const searchChannels = {
  'search.query': { args: S.SearchQuery, result: S.SearchResults },
  'search.consistency': { args: S.ConsistencyQuery, result: S.ConsistencyReport },
} as const;
