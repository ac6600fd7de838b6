// The world map's geometry, made once from the bundled Natural Earth countries (world-atlas,
// 1:50m). Nothing is fetched: the TopoJSON is part of the renderer bundle.
import { geoGraticule10, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';

export const mapWidth = 960;
export const mapHeight = 500;

export interface WorldPaths {
  projection: GeoProjection;
  sphere: string;
  graticule: string;
  land: string;
  borders: string;
}

let cached: WorldPaths | null = null;

export function worldPaths(): WorldPaths {
  if (cached) return cached;
  const topology = countries50m as unknown as Topology<{ countries: GeometryCollection }>;
  const projection = geoNaturalEarth1().fitExtent(
    [
      [6, 6],
      [mapWidth - 6, mapHeight - 6],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection);
  cached = {
    projection,
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    land: path(feature(topology, topology.objects.countries)) ?? '',
    borders: path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? '',
  };
  return cached;
}
