// The dedup stage. Level 1: identical files (same bytes, or the same text after decoding and
// whitespace normalisation). Level 2: reprinted stories (MinHash + LSH over character shingles,
// verified exactly, clustered with a canonical printing). Levels 3-4 (echoes inside an article,
// passages pasted between articles) live in src/core/repair/echo.ts and foreign.ts, because the
// parser applies them to each article's clean body. See docs/dedup.md.
export { duplicateFileGroups, fileIdentity, sha256Hex, type FileFingerprint } from './file-identity';
export { shingleSet, storyContent, SHINGLE_SIZE } from './shingles';
export {
  DEFAULTS as STORY_INDEX_DEFAULTS,
  StoryIndex,
  type StoryCluster,
  type StoryId,
  type StoryIndexOptions,
  type StoryIndexStats,
  type StoryInput,
  type StoryPair,
} from './story-index';
export {
  clusterWithDecisions, mergePairs, pairKey, splitPairs, type ClusterOptions, type StoryDecision,
} from './overrides';
