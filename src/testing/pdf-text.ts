import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * Test helper: reads a PDF back with PDF.js, as a viewer would, through each font's ToUnicode
 * map. Returns the document title and the text of every page, a line per text line.
 */
export async function readPdfText(pdf: Buffer): Promise<{ title: string; pages: string[] }> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const { info } = await document.getMetadata();
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const content = await (await document.getPage(n)).getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : "");
      }
      pages.push(text);
    }
    return { title: String((info as { Title?: unknown }).Title ?? ""), pages };
  } finally {
    await document.destroy();
  }
}
