/** A prediction file as read from disk (unvalidated JSON). */
export interface PredictionDirEntry {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- unvalidated JSON: the tests index into it as they need
  data: any;
}
export function readPredictionDir(dir?: string): PredictionDirEntry[];
export function glossTable(terms: readonly { term: string; gloss?: string }[]): Map<string, string>;
export function loadConfidenceTerms(): Promise<readonly { term: string; gloss?: string }[]>;
export function glossed(confidence: { wording: string; gloss?: string }, glosses: Map<string, string>): string;
export function keyFigure(forecast: unknown, question: unknown, glosses?: Map<string, string>): string;
/** docs/dataset-left-out.json. */
export interface LeftOutFile {
  reasons: Record<string, string>;
  leftOut: { article: string; line: number; reason: string; note: string; coveredBy?: string }[];
}
export function readLeftOut(file?: string): LeftOutFile;
export function renderDatasetDoc(files: PredictionDirEntry[], glosses: Map<string, string>, leftOut: LeftOutFile): string;
