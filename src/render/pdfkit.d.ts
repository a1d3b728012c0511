// pdfkit ships no types; render.tsx only reaches its document prototype.
declare module "pdfkit" {
  const PDFDocument: unknown;
  export default PDFDocument;
}
