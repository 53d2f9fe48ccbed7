// Places: the gazetteer (loaded lazily), scanning text for place names, and resolving them
// against each article's context. See docs/entities.md.
export { createGazetteer, loadGazetteer, type Gazetteer, type PcasData } from './gazetteer';
export { scanPlaces } from './scan';
export { resolvePlaces } from './resolve';
export { mergePlaces } from './merge';
export type { ArticlePlaces, GazetteerEntry, Place, PlaceArticle, PlaceHit, PlaceLevel, PlacePath, ResolvedBy } from './types';
