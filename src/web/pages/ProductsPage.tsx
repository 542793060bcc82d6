import { useState } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { EvidenceLinks } from "../components/EvidenceLinks.tsx";
import { formatDose } from "../dose-log/format.ts";
import { ProductForm } from "../dose-log/ProductForm.tsx";
import type { Product } from "../dose-log/types.ts";
import { useCatalog } from "../use-catalog.ts";

const FORM_LABEL: Record<Product["form"], string> = {
  "leaf-powder": "Leaf powder",
  capsules: "Capsules",
  extract: "Extract",
  "7-oh-product": "7-OH product",
  other: "Other",
};

/** Products: add one (vendor, name, form, lot, strength), list them, remove one. */
export function ProductsPage() {
  const catalog = useCatalog();
  const read = useRouteQuery(contract.listProducts);
  const deletion = useRouteMutation(contract.deleteProduct);
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  // Deleted here: gone from the list at once, before the list is read again.
  const [removed, setRemoved] = useState<string[]>([]);
  const products = read.data?.products.filter((p) => !removed.includes(p.id));
  const shownError = error ?? read.error?.message ?? null;

  async function remove(id: string) {
    try {
      await deletion.mutateAsync({ params: { id } });
      setRemoved((ids) => [...ids, id]);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : String(e));
    }
  }

  return (
    <div className="page products-page">
      <header className="page-header">
        <h1>Products</h1>
        <p className="muted">
          Save what you buy once; then log it with one tap. An extract or a 7-OH product is far
          stronger than leaf and is never counted as leaf.
        </p>
      </header>
      {shownError && (
        <p className="form-error" role="alert">
          {shownError}
        </p>
      )}
      <section aria-labelledby="products-list">
        <h2 id="products-list">Your products</h2>
        {products === undefined ? (
          <p className="loading">Loading…</p>
        ) : products.length === 0 ? (
          <p className="muted">No products yet.</p>
        ) : (
          <ul className="product-list">
            {products.map((p) => (
              <li key={p.id} className="card product-card" data-testid="product">
                <h3>
                  {p.vendor} {p.name}
                </h3>
                <p className="muted product-fact">
                  {FORM_LABEL[p.form]} · {p.substanceName}
                  {p.lot && <> · lot {p.lot}</>}
                </p>
                {p.gramsPerCapsule !== null && (
                  <p className="product-fact">{formatDose(p.gramsPerCapsule, "g")} per capsule</p>
                )}
                {p.gramsPerServing !== null && (
                  <p className="product-fact">{formatDose(p.gramsPerServing, "g")} per serving</p>
                )}
                {p.elementalMgPerUnit !== null && (
                  <p className="product-fact">
                    {formatDose(p.elementalMgPerUnit, "mg")} elemental magnesium per piece
                  </p>
                )}
                <div className="button-row">
                  <Link className="button compact primary" to="/log">
                    Log a dose
                  </Link>
                  <button
                    type="button"
                    className="secondary compact"
                    onClick={() => void remove(p.id)}
                  >
                    Remove<span className="visually-hidden"> {p.name}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="product-coa">
        <h2 id="product-coa">Check a lab certificate</h2>
        <p className="muted">
          Compare a product's certificate of analysis (COA) with published limits for 7-OH, heavy
          metals and germs.
        </p>
        <Link className="button" to="/products/coa">
          Check a certificate
        </Link>
        <EvidenceLinks ids={["choose-tested-products", "strains-differ-in-pain-relief"]} />
      </section>
      <section className="card" aria-labelledby="product-add">
        <h2 id="product-add">Add a product</h2>
        {catalog ? (
          <ProductForm key={formKey} catalog={catalog} onSaved={() => setFormKey((k) => k + 1)} />
        ) : (
          <p className="loading">Loading…</p>
        )}
      </section>
    </div>
  );
}
