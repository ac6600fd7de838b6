// The claims about a chosen place: those located at one of its spans, and those whose text
// contains one ("Fighting in Dorsk…"), read from the claims table of the place's reports.
import { useEffect, useState } from 'react';
import type { ClaimRow } from '../../../shared/schemas/claims';
import type { MapPlace } from '../../../shared/schemas/places';
import { call } from '../api';

export interface PlaceClaim {
  claim: ClaimRow;
  /** Linked to the place (located at), or only containing one of its spans. */
  how: 'linked' | 'contains';
}

/** Pure: which of the reports' claims are about the place, and how. */
export function claimsAbout(place: MapPlace, rows: readonly ClaimRow[]): PlaceClaim[] {
  const spanIds = new Set(place.annotations.map((a) => a.annotationId));
  const result: PlaceClaim[] = [];
  for (const claim of rows) {
    if (claim.locations.some((l) => spanIds.has(l.id) && !l.implicit)) result.push({ claim, how: 'linked' });
    else if (place.annotations.some((a) => a.documentId === claim.documentId && a.start >= claim.start && a.end <= claim.end)) result.push({ claim, how: 'contains' });
  }
  return result;
}

/** null while loading (or with no place chosen). */
export function usePlaceClaims(place: MapPlace | null): PlaceClaim[] | null {
  const [claims, setClaims] = useState<PlaceClaim[] | null>(null);
  useEffect(() => {
    setClaims(null);
    if (!place) return;
    let live = true;
    const documentIds = [...new Set(place.annotations.map((a) => a.documentId))].slice(0, 500);
    call('claims.table', { filters: { documentIds }, limit: 500 })
      .then((page) => {
        if (live) setClaims(claimsAbout(place, page.rows));
      })
      // No Claim label (deleted): no claims to list.
      .catch(() => live && setClaims([]));
    return () => {
      live = false;
    };
  }, [place]);
  return claims;
}
