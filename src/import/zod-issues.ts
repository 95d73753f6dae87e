import type { z } from 'zod';
import type { LedgerErrorCode, ValidationIssue } from '../errors.js';

/** Formats a zod path as `questions[3].resolution.resolveOn`. @internal */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** The library code of a zod issue: `evidence_required` and `reason_required` by field, else `validation_failed`. @internal */
export function codeFor(issue: z.core.$ZodIssue): LedgerErrorCode {
  const last = issue.path[issue.path.length - 1];
  if (last === 'evidence') return 'evidence_required';
  if (last === 'reason') return 'reason_required';
  return 'validation_failed';
}

/** The id of the record at `path` inside `root` (e.g. `root.questions[3].id`), when it has one. */
function recordIdAt(root: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = root;
  let id = typeof (root as { id?: unknown } | null)?.id === 'string' ? (root as { id: string }).id : undefined;
  for (const key of path) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key as string];
    if (node && typeof node === 'object' && typeof (node as { id?: unknown }).id === 'string') id = (node as { id: string }).id;
  }
  return id;
}

/**
 * Turns zod's issues into {@link ValidationIssue}s naming the file, the record id and the field path.
 *
 * @internal
 */
export function zodIssues(error: z.ZodError, options: { file?: string; root?: unknown; basePath?: string; recordId?: string } = {}): ValidationIssue[] {
  return error.issues.map((issue) => {
    const inner = formatPath(issue.path);
    const path = [options.basePath, inner].filter(Boolean).join(inner.startsWith('[') ? '' : '.');
    const recordId = options.recordId ?? recordIdAt(options.root, issue.path);
    return {
      code: codeFor(issue),
      path,
      message: issue.message,
      ...(options.file ? { file: options.file } : {}),
      ...(recordId ? { recordId } : {}),
    };
  });
}
