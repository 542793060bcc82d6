import { useEffect, useId, useRef } from "react";
import type { ChoiceItem, InstrumentItem, NumericItem } from "../../core/assessment/index.ts";
import type { Warning } from "../../core/warning.ts";
import { WarningList } from "../components/WarningList.tsx";

interface ItemFieldProps {
  item: InstrumentItem;
  number: number;
  /**
   * Whether the instrument adds answers up into a total (its `totalRange`): only then does a row
   * of worded answers show each answer's points. An unscored checklist shows the words alone, so
   * "Severe" does not read as "3 of something".
   */
  scored: boolean;
  value: number | undefined;
  /** Text typed into a numeric item, kept as typed until it is a valid number. */
  text: string;
  error: string | undefined;
  /** Urgent warnings this item's answer raised, shown right under it. */
  warnings: Warning[];
  onChoose(value: number): void;
  onType(text: string): void;
}

/** One question of a check-in: a radio group in a fieldset, or a labelled number field. */
export function ItemField(props: ItemFieldProps) {
  const { item } = props;
  const warningsRef = useRef<HTMLDivElement>(null);
  const flagged = props.warnings.length > 0;
  // A "yes" to a danger sign: bring what to do into view at once.
  useEffect(() => {
    if (flagged) warningsRef.current?.scrollIntoView({ block: "nearest" });
  }, [flagged]);
  return (
    <div className="question-block" id={`q-${item.id}`}>
      {item.kind === "choice" ? <ChoiceField {...props} item={item} /> : null}
      {item.kind === "numeric" ? <NumericField {...props} item={item} /> : null}
      <div ref={warningsRef}>
        {flagged && (
          <WarningList warnings={props.warnings} title={`What to do: ${item.shortLabel}`} />
        )}
      </div>
    </div>
  );
}

type Layout = "yes-no" | "row" | "scale" | "stack";

/** How to lay answers out on a phone: a 0-10 scale as a grid of numbers, words as a row. */
function layoutOf(item: ChoiceItem): Layout {
  const labels = item.answers.map((a) => a.label);
  if (labels.length === 2 && labels[0] === "No" && labels[1] === "Yes") return "yes-no";
  if (labels.length > 6) return "scale";
  if (labels.some((l) => l.length > 24)) return "stack";
  return "row";
}

/** "10 - Worst pain imaginable" -> "Worst pain imaginable"; "3" -> "". */
function descriptor(label: string): string {
  return label.replace(/^\d+(\.\d+)?\s*(-\s*)?/, "").trim();
}

/** The ids that tie a question's control to its hint and its error. */
function useQuestionIds() {
  const id = useId();
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` };
}

function ChoiceField({
  item,
  number,
  value,
  error,
  scored,
  onChoose,
}: ItemFieldProps & { item: ChoiceItem }) {
  const { id, errorId } = useQuestionIds();
  const layout = layoutOf(item);
  const first = item.answers[0];
  const last = item.answers.at(-1);
  return (
    <fieldset
      className={`question layout-${layout}${error ? " has-error" : ""}`}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="question-label">
        <span className="question-number">{number}.</span> {item.text}
      </legend>
      {item.note && <p className="field-hint">{item.note}</p>}
      <div className="options">
        {item.answers.map((answer) => {
          const checked = value === answer.value;
          const yes = layout === "yes-no" && answer.value === item.redFlag?.whenValue;
          return (
            <label key={answer.value} className={`option${yes ? " option-alarm" : ""}`}>
              <input
                className="option-input"
                type="radio"
                name={`${id}-${item.id}`}
                value={answer.value}
                checked={checked}
                onChange={() => onChoose(answer.value)}
              />
              {layout === "row" && scored && (
                <>
                  <span className="option-value" aria-hidden="true">
                    {answer.value}
                  </span>
                  <span className="option-label">{answer.label}</span>
                </>
              )}
              {layout === "row" && !scored && (
                <span className="option-label option-words">{answer.label}</span>
              )}
              {layout === "scale" && (
                <>
                  <span className="option-value" aria-hidden="true">
                    {answer.value}
                  </span>
                  <span className="visually-hidden">{answer.label}</span>
                </>
              )}
              {(layout === "yes-no" || layout === "stack") && (
                <span className="option-label">{answer.label}</span>
              )}
            </label>
          );
        })}
      </div>
      {layout === "scale" && first && last && (
        <p className="scale-ends" aria-hidden="true">
          <span>
            {first.value} {descriptor(first.label)}
          </span>
          <span>
            {last.value} {descriptor(last.label)}
          </span>
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function NumericField({
  item,
  number,
  text,
  error,
  onType,
}: ItemFieldProps & { item: NumericItem }) {
  const { id, hintId, errorId } = useQuestionIds();
  return (
    <div className={`question field${error ? " has-error" : ""}`}>
      <label htmlFor={id} className="question-label">
        <span className="question-number">{number}.</span> {item.text}
      </label>
      <p className="field-hint" id={hintId}>
        {item.min} to {item.max} {item.unit}, in steps of {item.step}.
      </p>
      <input
        id={id}
        className="number-input"
        type="number"
        inputMode="decimal"
        min={item.min}
        max={item.max}
        step={item.step}
        value={text}
        onChange={(e) => onType(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : ""].filter(Boolean).join(" ")}
      />
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
