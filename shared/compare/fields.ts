/** Reading an export-shape object's own values as comparable fields. */
import { cutToLength } from '../strings.js';
import type { FieldValue, ParentRef } from './types.js';

/** Labels of long texts (decisions, actions) are cut to this many characters. */
const LABEL_CHARACTERS = 80;

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/**
 * The scalar and string-list fields of `object`, but `exclude`. Nested lists of items are
 * items of their own; fields a newer schema adds are compared without being named here.
 */
export function fieldsOf(object: object, exclude: readonly string[]): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  const values = object as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    if (exclude.includes(key)) continue;
    const value = values[key];
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
    else if (isStringList(value)) fields[key] = [...value];
  }
  return fields;
}

/** `"1.2 Utbildning"`: a number and a title, whichever are there. */
export function numbered(number: string, title: string): string {
  return [number, title].filter((part) => part.trim() !== '').join(' ');
}

/** A long text as a label: its first characters, cut on whole characters. */
export function shortLabel(text: string): string {
  const cut = cutToLength(text, LABEL_CHARACTERS);
  return cut.length < text.length ? `${cut}…` : cut;
}

export function parentRef(field: string, id: string | null, label: string): ParentRef {
  return { field, id, label: id === null ? '' : label };
}
