/**
 * The presentation (and guest) table's column headers, as message keys, left to right. The
 * activity column uses the editor's own key `activities`, so a view and the editor can never
 * name the same rows differently (user test u12: nb said "Tiltak" in the editor and
 * "Aktiviteter" to a guest; GLOSSARY.md says "tiltak").
 */
export const PRESENT_COLUMNS = ['present_colGoal', 'activities', 'present_colBudget', 'present_colResponsible', 'present_colTimeframe', 'present_colRecipients'] as const;
