import type { DeviceFormValues, ErrorKey, FormField } from './form-values';

export interface FieldsProps {
  values: DeviceFormValues;
  set: <K extends FormField>(field: K, value: DeviceFormValues[K]) => void;
  errors: Partial<Record<ErrorKey, string>>;
  /** The device already has a stored secret: secret fields may stay empty ("keep"). */
  hasSecret: boolean;
  /** Processes running on the device (from its hrSWRun table), offered for "watched processes". */
  runningProcesses?: string[];
}
