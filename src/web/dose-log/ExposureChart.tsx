import { exposureGeometry } from "./exposure-geometry.ts";
import type { ExposureView } from "./types.ts";

const BOX = { width: 340, height: 170, left: 8, right: 8, top: 10, bottom: 28 };

/**
 * The exposure estimate as an SVG: the band between the studies' lowest and highest curves, the
 * central estimate as a line, "now", and the doses. Says plainly that it is a model.
 */
export function ExposureChart({ exposure }: { exposure: ExposureView }) {
  const g = exposureGeometry(exposure.points, exposure.doses, exposure.now, BOX);
  const first = exposure.points[0];
  const last = exposure.points[exposure.points.length - 1];
  const summary =
    g.nowPercent === null
      ? "Estimated amount of kratom in the body over the last three days."
      : g.rising
        ? `Still rising after your latest dose: the estimate peaks in about ${Math.max(
            g.peakInHours ?? 1,
            1,
          )} h, then falls slowly.`
        : `Now: about ${g.nowPercent}% of the highest point on this chart, and falling.`;
  const baseline = BOX.height - BOX.bottom;
  return (
    <figure className="exposure">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={`${summary} An estimate from population averages, not a measurement.`}
        className="exposure-chart"
      >
        <line
          x1={BOX.left}
          x2={BOX.width - BOX.right}
          y1={baseline}
          y2={baseline}
          className="exposure-axis"
        />
        <polygon points={g.band} className="exposure-band" />
        <polyline points={g.line} className="exposure-line" />
        {g.doseXs.map((x, i) => (
          <line
            // biome-ignore lint/suspicious/noArrayIndexKey: markers have no identity beyond order
            key={i}
            x1={x}
            x2={x}
            y1={baseline}
            y2={baseline + 7}
            className="exposure-dose"
          />
        ))}
        {g.nowX !== null && (
          <>
            <line x1={g.nowX} x2={g.nowX} y1={BOX.top} y2={baseline} className="exposure-now" />
            <text x={g.nowX} y={BOX.height - 4} textAnchor="middle" className="exposure-label">
              now
            </text>
          </>
        )}
        {first && (
          <text x={BOX.left} y={BOX.height - 4} className="exposure-label">
            3 days ago
          </text>
        )}
        {last && (
          <text
            x={BOX.width - BOX.right}
            y={BOX.height - 4}
            textAnchor="end"
            className="exposure-label"
          >
            +24 h
          </text>
        )}
      </svg>
      <figcaption>
        <p>
          <strong>{summary}</strong>
        </p>
        <p className="exposure-key muted">
          <span className="key-line" aria-hidden="true" /> middle estimate{" "}
          <span className="key-band" aria-hidden="true" /> range across published studies{" "}
          <span className="key-dose" aria-hidden="true" /> your doses
        </p>
        <p className="exposure-disclaimer">
          <strong>This is an estimate, not a measurement.</strong> {exposure.disclaimer}
        </p>
        <details>
          <summary>How it is worked out</summary>
          <p>
            A one-compartment model with first-order absorption, using published pharmacokinetics of
            mitragynine (middle values: peak after about {exposure.central.tmaxHours} h, half of it
            gone after about {exposure.central.halfLifeHours} h), from your leaf and capsule doses
            of the last two weeks. Extracts and 7-OH products are not included.
          </p>
          <ul className="sources">
            {exposure.studies.map((study) => (
              <li key={study.id}>
                {study.label}
                {study.sources?.map((c) => (
                  <span key={c.title}>
                    {" — "}
                    <a
                      href={c.url ?? `https://doi.org/${c.doi}`}
                      rel="noopener noreferrer"
                      target="_blank"
                    >
                      {c.title}
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </details>
      </figcaption>
    </figure>
  );
}
