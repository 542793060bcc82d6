import type { ReactNode, Ref } from "react";

/** The card around the plan form, titled; `ref` lets the page scroll to it when it opens. */
export function PlanFormCard({
  ref,
  className = "card",
  titleId,
  title,
  headingLevel = 2,
  children,
}: {
  ref: Ref<HTMLElement>;
  className?: string;
  titleId: string;
  title: string;
  headingLevel?: 2 | 3;
  children: ReactNode;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section className={className} aria-labelledby={titleId} ref={ref} data-testid="plan-form-card">
      <Heading id={titleId}>{title}</Heading>
      {children}
    </section>
  );
}
