/** A prediction file as read from disk (unvalidated JSON). */
export interface PredictionDirEntry {
  name: string;
  data: any;
}
export function readPredictionDir(dir?: string): PredictionDirEntry[];
export function keyFigure(forecast: unknown, question: unknown): string;
export function renderDatasetDoc(files: PredictionDirEntry[]): string;
