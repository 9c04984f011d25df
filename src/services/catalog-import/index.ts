export * from './curate.ts';
export { type ImportOptions, type ImportSummary, importFeed } from './import.ts';
export { type FeedFormat, feedFormat, type ParsedFeed, parseFeed, type RowProblem } from './parse-feed.ts';
