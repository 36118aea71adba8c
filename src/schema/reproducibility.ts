import { z } from 'zod';

/** A named artifact with its location. */
export const ArtifactSchema = z.looseObject({
  name: z.string().describe('Artifact name, e.g. "Model File".'),
  uri: z.string().describe('Where it is: s3://, gs://, https:// or a relative path.'),
});

/** Code version. */
export const CodeVersionSchema = z.looseObject({
  repository: z.string().optional().describe('Repository URL.'),
  branch: z.string().optional().describe('Branch name.'),
  commit: z.string().optional().describe('Commit SHA.'),
  tag: z.string().optional().describe('Git tag.'),
  entryPoint: z.string().optional().describe('Script or notebook that ran the experiment.'),
});

/** Artifacts & reproducibility section. */
export const ReproducibilitySchema = z.looseObject({
  artifacts: z.array(ArtifactSchema).optional().describe('Model artifacts.'),
  code: CodeVersionSchema.optional().describe('Code version.'),
  environment: z
    .record(z.string(), z.string())
    .optional()
    .describe('Environment: package or tool → version or location (Python: 3.11.5, Requirements: s3://…).'),
  seeds: z.record(z.string(), z.number().int()).optional().describe('Random seeds by name.'),
});
export type Reproducibility = z.output<typeof ReproducibilitySchema>;
