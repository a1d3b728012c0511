/** The document's settings: its PDF version and conformance, its metadata, its date. */
import type { ViewModel } from "../../model/normalize.js";

export interface DocumentInfo {
  creator: string;
  creationDate: Date;
}

/** Every PDF's document settings: tagged PDF 1.7, PDF/A-3b, its metadata and its date. */
export function documentProps(meta: ViewModel["metadata"], info: DocumentInfo) {
  return {
    pdfVersion: "1.7",
    conformance: "PDF/A-3b",
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    keywords: meta.keywords.join(", "),
    language: meta.language,
    creator: info.creator,
    producer: info.creator,
    creationDate: info.creationDate,
  } as const;
}
