/** A source for a medical, legal or safety fact. Every fact Mitra shows carries at least one. */
export interface Citation {
  /** Short human title: authors, journal, year or the agency and document name. */
  title: string;
  url?: string;
  doi?: string;
  /** ISO date (YYYY-MM-DD) the source was published or last checked. */
  date?: string;
}
