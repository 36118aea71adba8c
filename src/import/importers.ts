import type { Importer } from './importer.ts';
import { csvImporter } from './csv/index.ts';
import { dvcImporter } from './dvc/index.ts';
import { huggingfaceImporter } from './huggingface/index.ts';
import { mlflowImporter } from './mlflow/import.ts';
import { tensorboardImporter } from './tensorboard/index.ts';
import type { ImportSource } from './sources.ts';

/** The importer of each source kind. */
export const IMPORTERS: Record<ImportSource, Importer> = {
  mlflow: mlflowImporter,
  tensorboard: tensorboardImporter,
  huggingface: huggingfaceImporter,
  dvc: dvcImporter,
  csv: csvImporter,
};
