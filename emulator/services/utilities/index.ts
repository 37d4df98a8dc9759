export { Utilities } from './utilities';
export { Charset, DigestAlgorithm, MacAlgorithm } from './enums';
export { formatDate } from './format-date';
export { parseCsv } from './parse-csv';
