import { z } from "zod";
import { instrumentSchema } from "../core/assessment/instrument.schema.ts";
import { knowledgeFileHeader } from "./citation.schema.ts";

/** Schema of src/knowledge/data/instruments.json: its instruments (see core) under one header. */
const text = z.string().trim().min(1);

export const instrumentsFileSchema = z
  .object({
    ...knowledgeFileHeader,
    codeSystem: z
      .object({
        uri: z.string().regex(/^(urn:|https?:\/\/)\S+$/, "a URN or URL"),
        note: text,
      })
      .strict(),
    instruments: z.array(instrumentSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = file.instruments.map((i) => i.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        ctx.addIssue({
          code: "custom",
          path: ["instruments", i, "id"],
          message: `duplicate ${id}`,
        });
      }
    });
  });

export type InstrumentsFile = z.infer<typeof instrumentsFileSchema>;
