/**
 * The agenda an editor's meeting cards make plan activities from (ToPlanForm): given by
 * AgendaEditor, read by each action item on a card; null where none is given (no form).
 */
import { createContext, useContext } from 'solid-js';
import type { ToPlanTarget } from '../facilitation/ToPlanForm.jsx';

export const ToPlanContext = createContext<ToPlanTarget | null>(null);

/** The agenda's to-plan target, or null outside an AgendaEditor. */
export function useToPlanTarget(): ToPlanTarget | null {
  return useContext(ToPlanContext);
}
