export * from './curate.ts';
export { type ImportSummary, importFeed } from './import.ts';
export { feedFormat, parseFeed } from './parse-feed.ts';
