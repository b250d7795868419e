// The dataset: every record the pipeline produced, with the sources it read.
// Validated by the same schema when written (pipeline), bundled (add-in) and refreshed (feed).
import { z } from "zod";
import { IsoDate, MgRecordSchema } from "./record";

export const DATASET_SCHEMA_VERSION = 2;

export const SourceInfoSchema = z
  .object({
    source_id: z.string().min(1),
    title: z.string(),
    outlet: z.string(),
    url: z.string(),
    published: IsoDate,
    /** File or URL the pipeline read it from (relative for files). */
    origin: z.string(),
    format: z.enum(["text", "html", "wordpress"]),
    record_count: z.number().int().nonnegative(),
  })
  .strict();
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

/** What describes a dataset besides its records (a feed publishes it as dataset-info.json). */
const datasetInfoShape = {
  schema_version: z.literal(DATASET_SCHEMA_VERSION),
  /**
   * Orderable version: "<newest source date YYYY-MM-DD>.<8 hex of the records' hash>" unless set
   * explicitly at build time. Deterministic, so rebuilding the same corpus gives the same file.
   */
  version: z.string().min(1),
  /** Date of the newest source (YYYY-MM-DD), the dataset's "as of" date. */
  as_of: IsoDate,
  count: z.number().int().nonnegative(),
  sources: z.array(SourceInfoSchema),
};

export const DatasetInfoSchema = z.object(datasetInfoShape).strict();
export type DatasetInfo = z.infer<typeof DatasetInfoSchema>;

export const DatasetSchema = z
  .object({ ...datasetInfoShape, records: z.array(MgRecordSchema) })
  .strict()
  .superRefine((d, ctx) => {
    if (d.count !== d.records.length) {
      ctx.addIssue({ code: "custom", message: `count is ${d.count} but there are ${d.records.length} records`, path: ["count"] });
    }
    const seen = new Set<string>();
    d.records.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: "custom", message: `duplicate record id ${r.id}`, path: ["records", i, "id"] });
      seen.add(r.id);
    });
  });
export type Dataset = z.infer<typeof DatasetSchema>;

/** Parse and validate a dataset; throws an Error whose message names the first bad field. */
export function parseDataset(input: unknown): Dataset {
  const result = DatasetSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid dataset at ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return result.data;
}
