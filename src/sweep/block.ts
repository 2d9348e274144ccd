// The `sweep:` block of a scenario file, read for `persim sweep` (the schema has already
// validated its shape), with the place of each entry so that a bad spec points at its line.
import { documentData, positionOf, type ParsedScenario } from '../scenario/document.js';

export interface BlockEntry {
  readonly path: string;
  /** A spec string, or the items of a YAML list as strings. */
  readonly spec: string | readonly string[];
  /** `file:line:column: sweep.vary.<path>`, for messages. */
  readonly where: string;
}

export interface SweepBlock {
  readonly vary: readonly BlockEntry[];
  readonly sample?: string;
  readonly sampleWhere: string;
  readonly replicates?: number;
  readonly metric?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readSweepBlock(parsed: ParsedScenario): SweepBlock | null {
  const data = documentData(parsed);
  const block = isRecord(data) ? data.sweep : undefined;
  if (!isRecord(block)) return null;
  const where = (path: string[]) => {
    const pos = positionOf(parsed, parsed.doc, path);
    return `${parsed.file}${pos ? `:${pos.line}:${pos.column}` : ''}: ${path.join('.')}`;
  };
  const vary = isRecord(block.vary) ? Object.entries(block.vary) : [];
  return {
    vary: vary.map(([path, spec]) => ({
      path,
      spec: Array.isArray(spec) ? spec.map(String) : String(spec),
      where: where(['sweep', 'vary', path]),
    })),
    sample: typeof block.sample === 'string' ? block.sample : undefined,
    sampleWhere: where(['sweep', 'sample']),
    replicates: typeof block.replicates === 'number' ? block.replicates : undefined,
    metric: typeof block.metric === 'string' ? block.metric : undefined,
  };
}
