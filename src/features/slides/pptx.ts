/**
 * The editable PowerPoint deck of a round (pptxgenjs). PLACEHOLDER while it is built: one
 * title slide, so that the stored decks can be built around the maker's signature.
 */
import "server-only";
import PptxGenJS from "pptxgenjs";

export async function pptxDeck(code: string, fy: number, lang: string, draft: boolean): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  const slide = pptx.addSlide();
  slide.addText(`${code} FY${fy} ${lang}${draft ? " DRAFT" : ""}`, { x: 1, y: 1, w: 8, h: 1 });
  return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
}
