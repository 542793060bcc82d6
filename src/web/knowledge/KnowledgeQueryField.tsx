import { TextField } from "../components/TextField.tsx";

/** The most characters the knowledge base's searches accept (src/api/knowledge-schemas.ts). */
const QUERY_MAX_LENGTH = 100;

/** A search box over the knowledge base: places, claims, care. */
export function KnowledgeQueryField(props: {
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  autoComplete?: "off";
}) {
  return <TextField type="search" maxLength={QUERY_MAX_LENGTH} {...props} />;
}
